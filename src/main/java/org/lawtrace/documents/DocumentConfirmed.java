package org.lawtrace.documents;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StaffId;

/**
 * A signature, seal or refusal was recorded against a version of a document (ART-05.3); {@code effective} says
 * whether that version now has every confirmation it needs.
 */
public record DocumentConfirmed(DocumentId documentId, CaseId caseId, int version, ConfirmationKind kind,
		SignerRole role, String name, boolean effective, StaffId recordedBy) implements Audited.Logged {

	@Override
	public Entry entry() {
		return new Entry(recordedBy,
				kind == ConfirmationKind.REFUSAL ? "DOCUMENT_SIGNATURE_REFUSED" : "DOCUMENT_CONFIRMED", "DOCUMENT",
				documentId.toString(),
				"case=" + caseId.id() + " version=" + version + " kind=" + kind + " role=" + role + " name=" + name
				+ " effective=" + effective);
	}
}
