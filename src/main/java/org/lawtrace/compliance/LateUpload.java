package org.lawtrace.compliance;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.StageId;

/**
 * A line of the custodian's late-upload queue (ART-15.1): a recording stored after its deadline, or a required one
 * still missing past it.
 *
 * @param people who made the late recording, or for a missing one the case's handlers.
 * @param detail the finding's own words ("中文 (english)"), for the page to pick its language from.
 */
public record LateUpload(boolean missing, CaseId caseId, String caseNumber, @Nullable StageId stageId,
		@Nullable RecordRef record, LocalDate deadline, List<StaffId> people, String detail) {
}
