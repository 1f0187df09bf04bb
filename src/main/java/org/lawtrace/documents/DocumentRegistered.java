package org.lawtrace.documents;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.Audited;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.StaffId;

/** A document was registered with its original file (ART-05). */
public record DocumentRegistered(DocumentId documentId, CaseId caseId, String kindCode, @Nullable String number,
		ContentDigest digest, StaffId registeredBy) implements Audited.Logged {

	@Override
	public Entry entry() {
		return new Entry(registeredBy, "DOCUMENT_REGISTERED", "DOCUMENT", documentId.toString(),
				"case=" + caseId.id() + " kind=" + kindCode + (number == null ? "" : " number=" + number) + " sha256="
				+ digest.sha256());
	}
}
