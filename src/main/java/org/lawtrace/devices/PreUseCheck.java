package org.lawtrace.devices;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.StaffId;

/**
 * A recorded pre-use check (ART-11) and its verdict against the thresholds in force when it was taken. A check
 * that fell short is kept too; a deputy director or director may override it with a reason, which lets the device
 * be issued all the same.
 *
 * @param deviceVersion the device's version when checked: a check only clears an issue if nothing has happened to
 *        the device since.
 */
public record PreUseCheck(UUID id, DeviceId device, int deviceVersion, Instant checkedAt, StaffId checkedBy,
		CheckReadings readings, List<CheckFailure> failures, @Nullable StaffId overriddenBy,
		@Nullable String overrideReason, @Nullable Instant overriddenAt) {

	public PreUseCheck {
		failures = List.copyOf(failures);
	}

	public boolean passed() {
		return failures.isEmpty();
	}

	/** Whether the device may be issued on this check: it passed, or a leader overrode it. */
	public boolean clearsIssue() {
		return passed() || overriddenBy != null;
	}
}
