package org.lawtrace.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.CaseNumber;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;

/**
 * An enforcement case (执法案件/执法活动): supervision and inspection, administrative penalty or administrative
 * coercion (ART-02), handled by named officers for a handling unit. Closing it fixes the date from which its
 * records' retention is counted.
 */
public record Case(CaseId id, CaseNumber caseNumber, CaseKind kind, Procedure procedure, String title,
		UnitId handlingUnit, boolean major, Status status, List<StaffId> handlers, List<Party> parties,
		Instant openedAt, StaffId openedBy, @Nullable LocalDate closedOn, @Nullable Instant closedAt,
		@Nullable StaffId closedBy) {

	public Case {
		handlers = List.copyOf(handlers);
		parties = List.copyOf(parties);
	}

	public enum Status {
		/** 办理中: stages and records are still being added. */
		OPEN,
		/** 已结案: the case is finished; retention counts from its closing date. */
		CLOSED
	}

	public boolean handledBy(StaffId staff) {
		return handlers.contains(staff);
	}

	Case close(StaffId by, LocalDate on, Instant at) {
		if (status != Status.OPEN) {
			throw new Conflict("status", "案件已结案，不能再次结案 (case is already " + status + ")");
		}
		return new Case(id, caseNumber, kind, procedure, title, handlingUnit, major, Status.CLOSED, handlers, parties,
				openedAt, openedBy, on, at, by);
	}
}
