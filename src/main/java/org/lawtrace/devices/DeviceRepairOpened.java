package org.lawtrace.devices;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/**
 * A device went to repair (ART-12); {@code selfRepair} when its user repaired it (擅自修理), which the discipline unit
 * hears of. {@code lastHolder} held the device when its fault was reported.
 */
public record DeviceRepairOpened(DeviceId device, String serialNumber, UUID repairId, boolean selfRepair,
		String repairer, @Nullable StaffId lastHolder, StaffId openedBy, Instant at) implements Audited.Logged {

	@Override
	public Entry entry() {
		return new Entry(openedBy, "DEVICE_REPAIR_OPENED", "DEVICE", device.id().toString(),
				"serial=" + serialNumber + " selfRepair=" + selfRepair + " repair=" + repairId);
	}
}
