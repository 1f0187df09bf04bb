package org.lawtrace.retention;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseKind;
import org.lawtrace.cases.Procedure;

/**
 * One row of the file plan (归档范围和保管期限表): which case files it covers (case kind, procedure and the major
 * flag; a blank one matches any), how long they are kept from which event, and the scope (归档范围): the document
 * kinds the file must hold to be archived, each entry one kind or alternatives ({@code PENALTY_DECISION|NO_PENALTY_DECISION}).
 */
public record FilePlanCategory(String id, String name, @Nullable CaseKind kind, @Nullable Procedure procedure,
		@Nullable Boolean major, RetentionPeriod period, CutOff cutOff, List<List<String>> requiredDocuments) {

	public FilePlanCategory {
		requiredDocuments = requiredDocuments.stream().map(List::copyOf).toList();
	}

	public boolean matches(CaseKind caseKind, Procedure caseProcedure, boolean caseMajor) {
		return (kind == null || kind == caseKind) && (procedure == null || procedure == caseProcedure)
				&& (major == null || major == caseMajor);
	}

	public boolean matches(Case c) {
		return matches(c.kind(), c.procedure(), c.major());
	}
}
