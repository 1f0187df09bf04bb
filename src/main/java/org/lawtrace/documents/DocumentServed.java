package org.lawtrace.documents;

import java.time.Instant;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StaffId;

/** A document was served on the party (送达); it counts as served at {@code deemedServedAt}. */
public record DocumentServed(DocumentId documentId, CaseId caseId, ServiceMethod method, Instant servedAt,
		Instant deemedServedAt, StaffId recordedBy) implements Audited {

	@Override
	public StaffId actor() {
		return recordedBy;
	}

	@Override
	public String action() {
		return "DOCUMENT_SERVED";
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
		return "case=" + caseId.id() + " method=" + method + " servedAt=" + servedAt + " deemedServedAt="
				+ deemedServedAt;
	}
}
