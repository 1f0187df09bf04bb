package org.lawtrace.devices;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.StaffId;

/**
 * A reported fault (故障报告, ART-12); it stays open until a repair of the device closes.
 *
 * @param heldBy who held the device when the fault was reported; the holding ended with the report.
 */
public record Fault(UUID id, DeviceId device, Instant reportedAt, StaffId reportedBy, String description,
		@Nullable StaffId heldBy, @Nullable Instant closedAt) {

	public boolean open() {
		return closedAt == null;
	}
}
