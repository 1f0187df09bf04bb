package org.lawtrace.devices;

import java.time.Duration;
import java.time.Period;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bureau's device rules ({@code lawtrace.devices.*}), where the regulation leaves numbers open: the pre-use
 * check thresholds (ART-11), how long a check stays good for an issue, and the maintenance interval per kind.
 *
 * @param maintenanceInterval per kind, e.g. {@code lawtrace.devices.maintenance-interval.BODY_CAMERA=P90D}; a kind
 *        not named falls back to {@link #DEFAULT_INTERVAL}.
 */
@ConfigurationProperties("lawtrace.devices")
record DeviceSettings(@DefaultValue("50") int minBatteryPercent, @DefaultValue("20") int minFreeStoragePercent,
		@DefaultValue("60") int maxClockOffsetSeconds, @DefaultValue("PT2H") Duration checkValidFor,
		@Nullable Map<DeviceKind, Period> maintenanceInterval) {

	static final Period DEFAULT_INTERVAL = Period.ofMonths(6);

	CheckThresholds thresholds() {
		return new CheckThresholds(minBatteryPercent, minFreeStoragePercent, maxClockOffsetSeconds);
	}

	Period maintenanceIntervalOf(DeviceKind kind) {
		return maintenanceInterval == null ? DEFAULT_INTERVAL : maintenanceInterval.getOrDefault(kind, DEFAULT_INTERVAL);
	}
}
