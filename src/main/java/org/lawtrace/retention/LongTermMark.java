package org.lawtrace.retention;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.StaffId;

/**
 * A mark for long-term preservation (长期保存标记, ART-17): asked by a handler of the case or the custodian, decided by
 * the deputy director in charge of the case's unit or the director. An approved mark keeps its subject from ever
 * being disposed of.
 */
public record LongTermMark(UUID id, Subject subject, @Nullable CaseId caseId, Situation situation,
		@Nullable String reason, StaffId requestedBy, Instant requestedAt, Status status, @Nullable StaffId decidedBy,
		@Nullable Instant decidedAt, @Nullable String decisionNote) {

	public enum Status {
		REQUESTED, APPROVED, REFUSED
	}

	public boolean approved() {
		return status == Status.APPROVED;
	}

	public boolean pending() {
		return status == Status.REQUESTED;
	}

	LongTermMark decide(boolean approve, StaffId by, Instant at, @Nullable String note) {
		if (status != Status.REQUESTED) {
			throw new Conflict("status", "该申请已被处理 (already decided)");
		}
		return new LongTermMark(id, subject, caseId, situation, reason, requestedBy, requestedAt,
				approve ? Status.APPROVED : Status.REFUSED, by, at, note);
	}
}
