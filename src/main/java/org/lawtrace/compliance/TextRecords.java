package org.lawtrace.compliance;

import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.lawtrace.compliance.CaseFacts.DocumentFacts;
import org.lawtrace.compliance.CaseFacts.ServiceFacts;
import org.lawtrace.documents.CaseDocument;
import org.lawtrace.documents.DocumentCatalog;
import org.springframework.stereotype.Component;

/**
 * A case's text records as the documents module judges them ({@link DocumentCatalog#ofCase}): whether a document
 * is effective is that module's rule (which confirmations its kind needs, page-by-page signatures, refusals), so
 * it is asked rather than re-implemented here. It is asked only for the cases of a batch that have documents,
 * found with one query.
 */
@Component
class TextRecords {

	private final DocumentCatalog catalog;
	private final CaseRecords records;

	TextRecords(DocumentCatalog catalog, CaseRecords records) {
		this.catalog = catalog;
		this.records = records;
	}

	List<CaseFacts> attach(List<CaseFacts> facts, UUID first, UUID last) {
		var withDocuments = new HashSet<>(records.withDocumentsBetween(first, last));
		if (withDocuments.isEmpty()) {
			return facts;
		}
		return facts.stream()
			.map(c -> withDocuments.contains(c.id().id())
					? c.withDocuments(catalog.ofCase(c.id()).stream().map(TextRecords::facts).toList()) : c)
			.toList();
	}

	private static DocumentFacts facts(CaseDocument d) {
		return new DocumentFacts(d.id().id(), d.kindCode(), d.direction(), d.stageId(), d.madeBy(), d.madeAt(),
				d.currentVersion(), d.effective(), d.missing(),
				d.services().stream().map(s -> new ServiceFacts(s.id(), s.method(), s.servedAt(), s.recordingId()))
					.toList());
	}
}
