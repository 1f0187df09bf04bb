package org.lawtrace.staff;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.StaffId;

/**
 * The login side of a staff member: never leaves this module. {@code lockedUntil} is a lock of the whole account
 * (from before lock-outs were counted per client address, see {@link LoginAttempts}); an unlock clears it.
 */
record Account(StaffId staffId, String username, @Nullable String passwordHash, boolean enabled, int failedLogins,
		@Nullable Instant lockedUntil, boolean passwordChangeRequired) {

	boolean lockedAt(Instant now) {
		return lockedUntil != null && now.isBefore(lockedUntil);
	}
}
