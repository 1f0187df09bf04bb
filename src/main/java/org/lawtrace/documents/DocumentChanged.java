package org.lawtrace.documents;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.StaffId;

/**
 * A document was changed: a new version with its reason, not effective until confirmed (ART-05.4). Appended within
 * the change's own transaction, with the new file's digests and size before the free-text reason (ART-22).
 */
public record DocumentChanged(DocumentId documentId, CaseId caseId, int version, String reason, ContentDigest digest,
		StaffId changedBy) implements Audited.Logged, Audited.Within {

	@Override
	public Entry entry() {
		return new Entry(changedBy, "DOCUMENT_CHANGED", "DOCUMENT", documentId.toString(),
				"case=" + caseId.id() + " version=" + version + " sha256=" + digest.sha256() + " size="
				+ digest.sizeBytes() + (digest.sm3() == null ? "" : " sm3=" + digest.sm3()) + " reason=" + reason);
	}
}
