package org.lawtrace.cases;

import java.time.LocalDate;

import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StaffId;

/** A case was closed; retention of its records counts from {@code closedOn}. */
public record CaseClosed(CaseId caseId, LocalDate closedOn, StaffId closedBy) {
}
