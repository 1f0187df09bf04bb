package org.lawtrace.documents;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StaffId;

/** The volumes of a closed case's file (一案一卷) were assembled and their contents list generated (ART-14). */
public record CaseFileAssembled(CaseId caseId, int mainEntries, int secondaryEntries, StaffId assembledBy)
		implements Audited.AtOnce {

	@Override
	public StaffId actor() {
		return assembledBy;
	}

	@Override
	public String action() {
		return "CASE_FILE_ASSEMBLED";
	}

	@Override
	public String subjectType() {
		return "CASE";
	}

	@Override
	public String subjectId() {
		return caseId.id().toString();
	}

	@Override
	public String details() {
		return "main=" + mainEntries + " secondary=" + secondaryEntries;
	}
}
