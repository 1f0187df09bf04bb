package org.lawtrace.access;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;

/**
 * A request to see records' content (查阅申请, ART-20): who asks, for which case or which of its records, why and
 * for how many days; where it is routed; and, once decided, the approver's opinion. An approved request is a grant
 * (查阅授权) that lasts until {@code grantedUntil} unless revoked first.
 */
public record AccessRequest(AccessRequestId id, StaffId requester, UnitId requesterUnit, CaseId caseId, Scope scope,
		List<RecordRef> records, String purpose, int days, Route route, Status status, Instant requestedAt,
		@Nullable StaffId decidedBy, @Nullable Instant decidedAt, @Nullable String opinion,
		@Nullable Instant grantedUntil, @Nullable StaffId revokedBy, @Nullable Instant revokedAt,
		@Nullable String revocationReason) {

	public AccessRequest {
		records = List.copyOf(records);
	}

	/** What a request covers. */
	public enum Scope {
		/** Every record of the case, whenever it was linked to it. */
		CASE,
		/** Only the records listed. */
		RECORDS
	}

	/** Who decides it (ART-20). */
	public enum Route {
		/** 分管副局长: the deputy director in charge of the requester's unit, for ordinary cases. */
		DEPUTY_DIRECTOR,
		/** 局长: the director, for major or complex cases, or when no other deputy is in charge of the unit. */
		DIRECTOR
	}

	/** Where a request stands; an approved one that has run out is shown as {@link Standing#EXPIRED}. */
	public enum Status {
		PENDING, APPROVED, REJECTED, REVOKED
	}

	/** The status as people read it, with an approval past its end told apart from a live grant. */
	public enum Standing {
		PENDING, GRANTED, EXPIRED, REJECTED, REVOKED
	}

	static AccessRequest asked(StaffId requester, UnitId unit, CaseId caseId, Scope scope, List<RecordRef> records,
			String purpose, int days, Route route, Instant at) {
		return new AccessRequest(AccessRequestId.random(), requester, unit, caseId, scope, records, purpose, days,
				route, Status.PENDING, at, null, null, null, null, null, null, null);
	}

	/** A grant that is in force at {@code now}: approved, not revoked, not run out. */
	public boolean liveAt(Instant now) {
		return status == Status.APPROVED && grantedUntil != null && now.isBefore(grantedUntil);
	}

	public Standing standingAt(Instant now) {
		return switch (status) {
			case PENDING -> Standing.PENDING;
			case APPROVED -> liveAt(now) ? Standing.GRANTED : Standing.EXPIRED;
			case REJECTED -> Standing.REJECTED;
			case REVOKED -> Standing.REVOKED;
		};
	}

	/** Whether this request's scope takes in {@code record}, which now belongs to {@code recordCase} (or none). */
	public boolean covers(RecordRef record, @Nullable CaseId recordCase) {
		return scope == Scope.CASE ? caseId.equals(recordCase) : records.contains(record);
	}

	AccessRequest approve(StaffId by, String opinion, Instant at) {
		requirePending();
		return new AccessRequest(id, requester, requesterUnit, caseId, scope, records, purpose, days, route,
				Status.APPROVED, requestedAt, by, at, opinion, at.plus(Duration.ofDays(days)), null, null, null);
	}

	AccessRequest reject(StaffId by, String opinion, Instant at) {
		requirePending();
		return new AccessRequest(id, requester, requesterUnit, caseId, scope, records, purpose, days, route,
				Status.REJECTED, requestedAt, by, at, opinion, null, null, null, null);
	}

	/** Ends a live grant early; a grant already ended, or a request never granted, cannot be revoked. */
	AccessRequest revoke(StaffId by, String reason, Instant at) {
		if (status != Status.APPROVED) {
			throw new Conflict("status", "只有已批准的授权可以撤销 (only a granted request can be revoked; this one is "
					+ status + ")");
		}
		if (!liveAt(at)) {
			throw new Conflict("status", "授权已过期 (the grant has already expired)");
		}
		return new AccessRequest(id, requester, requesterUnit, caseId, scope, records, purpose, days, route,
				Status.REVOKED, requestedAt, decidedBy, decidedAt, opinion, grantedUntil, by, at, reason);
	}

	private void requirePending() {
		if (status != Status.PENDING) {
			throw new Conflict("status", "该申请已处理，不能再次审批 (the request was already decided: " + status + ")");
		}
	}
}
