package org.lawtrace.devices;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;

/**
 * A collection station (采集站): the dock where body cameras are emptied, whose agent uploads their files. It signs
 * in through a machine account of the staff module, with API tokens only.
 *
 * @param uploadCount recordings the station has delivered, counted by the recordings module as they arrive.
 */
public record Station(UUID id, String name, UnitId unitId, String location, StaffId account, Instant registeredAt,
		long uploadCount, @Nullable Instant lastUploadAt) {
}
