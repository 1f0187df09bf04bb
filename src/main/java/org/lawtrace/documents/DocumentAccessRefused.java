package org.lawtrace.documents;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/**
 * Someone was refused a document's content (ART-20) or tried to delete or replace a document or version
 * (ART-05.4, ART-22(2)); logged at once, for the discipline unit.
 */
public record DocumentAccessRefused(String documentId, StaffId actor, String attempt) implements Audited.AtOnce {

	@Override
	public String action() {
		return attempt.startsWith("VIEW") ? "VIEW" : "ALTERATION_ATTEMPT";
	}

	@Override
	public String subjectType() {
		return "DOCUMENT";
	}

	@Override
	public String subjectId() {
		return documentId;
	}

	@Override
	public String outcome() {
		return "REFUSED";
	}

	@Override
	public String details() {
		return attempt;
	}
}
