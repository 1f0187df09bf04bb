package org.lawtrace.devices;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;

/** Which devices a ledger lists; every criterion left out matches all. */
public record DeviceFilter(@Nullable UnitId unit, @Nullable DeviceStatus status, @Nullable DeviceKind kind,
		@Nullable StaffId holder) {

	public static DeviceFilter all() {
		return new DeviceFilter(null, null, null, null);
	}

	DeviceFilter heldBy(StaffId staff) {
		return new DeviceFilter(unit, status, kind, staff);
	}
}
