package org.lawtrace.retention;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseKind;
import org.lawtrace.cases.Procedure;

/**
 * One row of the file plan (归档范围和保管期限表): which case files it covers (case kind, procedure and the major
 * flag; a blank one matches any) and how long they are kept from which event.
 */
public record FilePlanCategory(String id, String name, @Nullable CaseKind kind, @Nullable Procedure procedure,
		@Nullable Boolean major, RetentionPeriod period, CutOff cutOff) {

	public boolean matches(CaseKind caseKind, Procedure caseProcedure, boolean caseMajor) {
		return (kind == null || kind == caseKind) && (procedure == null || procedure == caseProcedure)
				&& (major == null || major == caseMajor);
	}

	public boolean matches(Case c) {
		return matches(c.kind(), c.procedure(), c.major());
	}
}
