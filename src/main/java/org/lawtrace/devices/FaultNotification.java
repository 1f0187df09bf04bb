package org.lawtrace.devices;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.StaffId;

/** Tells a device keeper that a device of theirs was reported faulty (ART-12: faults are reported at once). */
public record FaultNotification(UUID id, StaffId recipient, DeviceId device, UUID faultId, String message,
		Instant createdAt, @Nullable Instant readAt) {
}
