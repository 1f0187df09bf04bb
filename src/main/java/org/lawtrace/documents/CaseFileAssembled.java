package org.lawtrace.documents;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StaffId;

/** The volumes of a closed case's file (一案一卷) were assembled and their contents list generated (ART-14). */
public record CaseFileAssembled(CaseId caseId, int mainEntries, int secondaryEntries, StaffId assembledBy)
		implements Audited.Logged, Audited.AtOnce {

	@Override
	public Entry entry() {
		return new Entry(assembledBy, "CASE_FILE_ASSEMBLED", "CASE", caseId.id().toString(),
				"main=" + mainEntries + " secondary=" + secondaryEntries);
	}
}
