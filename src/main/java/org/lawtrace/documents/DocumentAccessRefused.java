package org.lawtrace.documents;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/**
 * Someone was refused a document's content (ART-20) or tried to delete or replace a document or version
 * (ART-05.4, ART-22(2)); logged at once, for the discipline unit.
 */
public record DocumentAccessRefused(String documentId, StaffId actor, String attempt)
		implements Audited.Logged, Audited.AtOnce {

	@Override
	public Entry entry() {
		return Entry.refused(actor, attempt.startsWith("VIEW") ? "VIEW" : "ALTERATION_ATTEMPT", "DOCUMENT", documentId,
				attempt);
	}
}
