package org.lawtrace.documents;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.Audited;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.StaffId;

/**
 * A document was registered with its original file (ART-05). Its entry is appended within the registration's own
 * transaction, and carries the file's digests and size so the row can be checked against the log (ART-22); the
 * number, typed by hand, comes before them, so a reader takes the last {@code sha256=}, {@code size=}, {@code sm3=}.
 */
public record DocumentRegistered(DocumentId documentId, CaseId caseId, String kindCode, @Nullable String number,
		ContentDigest digest, StaffId registeredBy) implements Audited.Logged, Audited.Within {

	@Override
	public Entry entry() {
		return new Entry(registeredBy, "DOCUMENT_REGISTERED", "DOCUMENT", documentId.toString(),
				"case=" + caseId.id() + " kind=" + kindCode + (number == null ? "" : " number=" + number) + " sha256="
				+ digest.sha256() + " size=" + digest.sizeBytes() + (digest.sm3() == null ? "" : " sm3=" + digest.sm3()));
	}
}
