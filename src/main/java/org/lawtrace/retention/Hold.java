package org.lawtrace.retention;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.StaffId;

/**
 * A hold (冻结) placed by legal affairs on a case or a record for reconsideration, litigation or a petition: while it
 * is in force nothing it covers may be disposed of (ART-16, ART-18); it is released only with a reason.
 */
public record Hold(UUID id, Subject subject, @Nullable CaseId caseId, HoldKind kind, String reason, StaffId placedBy,
		Instant placedAt, @Nullable StaffId releasedBy, @Nullable Instant releasedAt, @Nullable String releaseReason) {

	public boolean inForce() {
		return releasedAt == null;
	}

	Hold release(StaffId by, Instant at, String why) {
		if (!inForce()) {
			throw new Conflict("status", "该冻结已解除 (hold already released)");
		}
		return new Hold(id, subject, caseId, kind, reason, placedBy, placedAt, by, at, why);
	}
}
