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
 * @param uploadCount files the station has uploaded; the recordings module feeds it once it exists.
 */
public record Station(UUID id, String name, UnitId unitId, String location, StaffId account, Instant registeredAt,
		long uploadCount, @Nullable Instant lastUploadAt) {
}
