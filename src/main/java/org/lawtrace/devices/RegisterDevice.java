package org.lawtrace.devices;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.UnitId;

/**
 * What the keeper enters to put a device in the ledger.
 *
 * @param commissionedOn the day it went into service; today when not given.
 */
public record RegisterDevice(String serialNumber, DeviceKind kind, String model, UnitId unitId,
		@Nullable Integer storageCapacityMb, @Nullable LocalDate commissionedOn) {
}
