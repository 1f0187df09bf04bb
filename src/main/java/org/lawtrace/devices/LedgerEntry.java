package org.lawtrace.devices;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A line of the device ledger (设备台账): the device with its last pre-use check, open faults and maintenance
 * schedule.
 *
 * @param maintenanceDue the day maintenance falls due: the interval for its kind after the last maintenance, or
 *        after commissioning if it was never maintained.
 */
public record LedgerEntry(Device device, @Nullable PreUseCheck lastCheck, int openFaults,
		@Nullable LocalDate lastMaintainedOn, LocalDate maintenanceDue, boolean maintenanceOverdue) {
}
