package org.lawtrace.devices;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.StaffId;

/**
 * One entry of a device's history: a status change with who made it, when and why. The first entry is the
 * registration (from no status); entries are only ever added.
 *
 * @param position 1 for the registration, then one more per change: orders changes made in the same millisecond.
 * @param holder who holds the device from this change on; only an issue names one.
 */
public record StatusChange(DeviceId device, int position, @Nullable DeviceStatus from, DeviceStatus to,
		@Nullable StaffId holder, Instant at, StaffId by, @Nullable String reason) {
}
