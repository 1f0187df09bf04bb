package org.lawtrace.documents;

import java.util.Optional;
import java.util.UUID;

import org.lawtrace.shared.RecordHolder;
import org.lawtrace.shared.RecordRef;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the access module which documents exist and which case each belongs to, so requests can name them (ART-20). */
@Component
@Transactional(readOnly = true)
class DocumentHolder implements RecordHolder {

	private final Documents documents;

	DocumentHolder(Documents documents) {
		this.documents = documents;
	}

	@Override
	public RecordRef.Kind kind() {
		return RecordRef.Kind.DOCUMENT;
	}

	@Override
	public Optional<Placement> find(UUID id) {
		return documents.byId(new DocumentId(id)).map(d -> new Placement(RecordRef.document(id), d.caseId()));
	}
}
