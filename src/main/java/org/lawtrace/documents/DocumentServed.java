package org.lawtrace.documents;

import java.time.Instant;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StaffId;

/** A document was served on the party (送达); it counts as served at {@code deemedServedAt}. */
public record DocumentServed(DocumentId documentId, CaseId caseId, ServiceMethod method, Instant servedAt,
		Instant deemedServedAt, StaffId recordedBy) implements Audited.Logged {

	@Override
	public Entry entry() {
		return new Entry(recordedBy, "DOCUMENT_SERVED", "DOCUMENT", documentId.toString(),
				"case=" + caseId.id() + " method=" + method + " servedAt=" + servedAt + " deemedServedAt="
				+ deemedServedAt);
	}
}
