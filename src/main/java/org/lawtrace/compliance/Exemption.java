package org.lawtrace.compliance;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.StageId;
import org.lawtrace.shared.StaffId;

/**
 * A stage "not suitable for AV recording" (不宜录音录像, ART-06.1): the written reason a handler gives, and the
 * decision of the handling unit's head (its deputy director in charge) or the director.
 */
public record Exemption(UUID id, CaseId caseId, StageId stageId, String reason, StaffId requestedBy,
		Instant requestedAt, Status status, @Nullable StaffId decidedBy, @Nullable Instant decidedAt,
		@Nullable String decisionNote) {

	public enum Status {
		/** 待审批. */
		REQUESTED,
		/** 已批准. */
		APPROVED,
		/** 不予批准. */
		REFUSED
	}

	Exemption decide(boolean approve, StaffId by, Instant at, @Nullable String note) {
		if (status != Status.REQUESTED) {
			throw new Conflict("status", "该豁免申请已处理 (the exemption was already " + status + ")");
		}
		return new Exemption(id, caseId, stageId, reason, requestedBy, requestedAt,
				approve ? Status.APPROVED : Status.REFUSED, by, at, note);
	}
}
