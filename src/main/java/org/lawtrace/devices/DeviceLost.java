package org.lawtrace.devices;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/**
 * A device was reported lost (遗失) or destroyed (损毁) and taken out of the ledger's use for good (ART-22 (5)); the
 * discipline unit hears of it. {@code holder} held it when it was reported.
 */
public record DeviceLost(DeviceId device, String serialNumber, boolean destroyed, @Nullable StaffId holder,
		StaffId reportedBy, String description, Instant at) implements Audited.Logged {

	@Override
	public Entry entry() {
		return new Entry(reportedBy, destroyed ? "DEVICE_DESTROYED" : "DEVICE_LOST", "DEVICE", device.id().toString(),
				"serial=" + serialNumber + (holder == null ? "" : " holder=" + holder));
	}
}
