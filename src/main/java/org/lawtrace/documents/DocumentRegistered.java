package org.lawtrace.documents;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.Audited;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.StaffId;

/** A document was registered with its original file (ART-05). */
public record DocumentRegistered(DocumentId documentId, CaseId caseId, String kindCode, @Nullable String number,
		ContentDigest digest, StaffId registeredBy) implements Audited {

	@Override
	public StaffId actor() {
		return registeredBy;
	}

	@Override
	public String action() {
		return "DOCUMENT_REGISTERED";
	}

	@Override
	public String subjectType() {
		return "DOCUMENT";
	}

	@Override
	public String subjectId() {
		return documentId.toString();
	}

	@Override
	public String details() {
		return "case=" + caseId.id() + " kind=" + kindCode + (number == null ? "" : " number=" + number) + " sha256="
				+ digest.sha256();
	}
}
