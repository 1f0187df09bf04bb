package org.lawtrace.devices;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The bureau's bar for a device to be issued (ART-11): at least this much battery and free storage, a clock no
 * further off than this, and lens and mount fine. The regulation names battery and storage only; the clock
 * matters because recordings are evidence of when things happened.
 */
public record CheckThresholds(int minBatteryPercent, int minFreeStoragePercent, int maxClockOffsetSeconds) {

	/** How the readings fall short; empty when the device may be issued. */
	List<CheckFailure> failuresOf(CheckReadings readings, @Nullable Integer capacityMb) {
		var failures = new ArrayList<CheckFailure>();
		if (readings.batteryPercent() < minBatteryPercent) {
			failures.add(CheckFailure.BATTERY);
		}
		if (readings.freeStoragePercentOf(capacityMb) < minFreeStoragePercent) {
			failures.add(CheckFailure.STORAGE);
		}
		if (Math.abs((long) readings.clockOffsetSeconds()) > maxClockOffsetSeconds) {
			failures.add(CheckFailure.CLOCK);
		}
		if (!readings.lensOk()) {
			failures.add(CheckFailure.LENS);
		}
		return failures;
	}
}
