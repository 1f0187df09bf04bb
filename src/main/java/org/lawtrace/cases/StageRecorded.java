package org.lawtrace.cases;

import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StageId;
import org.lawtrace.shared.StaffId;

/** A stage was added to a case. */
public record StageRecorded(CaseId caseId, StageId stageId, StageKind kind, StaffId recordedBy) {
}
