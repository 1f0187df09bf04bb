package org.lawtrace.documents;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StaffId;

/** A version of a document's file was handed out (viewed or downloaded); logged at once (ART-20, ART-22). */
public record DocumentContentServed(DocumentId documentId, CaseId caseId, int version, StaffId viewer)
		implements Audited.AtOnce {

	@Override
	public StaffId actor() {
		return viewer;
	}

	@Override
	public String action() {
		return "VIEW";
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
		return "case=" + caseId.id() + " version=" + version;
	}
}
