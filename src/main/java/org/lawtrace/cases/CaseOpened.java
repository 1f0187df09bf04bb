package org.lawtrace.cases;

import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.CaseNumber;
import org.lawtrace.shared.StaffId;

/** A case was opened. */
public record CaseOpened(CaseId caseId, CaseNumber caseNumber, CaseKind kind, StaffId openedBy) {
}
