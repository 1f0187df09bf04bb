package org.lawtrace.staff;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.StaffId;

/**
 * Roles the administrator gave that reach evidence or decide about it (see {@link Role#needsDirectorConfirmation()}),
 * waiting for the director's confirmation before they take effect (two-person rule, 双人复核).
 */
public record RoleChange(UUID id, StaffId staffId, Set<Role> roles, StaffId requestedBy, Instant requestedAt,
		Status status, @Nullable StaffId decidedBy, @Nullable Instant decidedAt, @Nullable String reason) {

	public enum Status {
		PENDING, CONFIRMED, REFUSED
	}

	public RoleChange {
		roles = Set.copyOf(roles);
	}

	public boolean pending() {
		return status == Status.PENDING;
	}
}
