package org.lawtrace.devices;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.StaffId;

/** Scheduled maintenance done on a device (维护保养, ART-11). */
public record Maintenance(UUID id, DeviceId device, LocalDate doneOn, @Nullable String note, Instant recordedAt,
		StaffId recordedBy) {
}
