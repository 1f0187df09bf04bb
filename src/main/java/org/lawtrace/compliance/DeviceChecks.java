package org.lawtrace.compliance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The pre-use checks (ART-11) of the devices a batch of recordings names, by serial number. */
record DeviceChecks(Map<String, List<CheckFact>> bySerial) {

	/** One pre-use check: when, and whether it passed or a leader overrode its failure. */
	record CheckFact(Instant at, boolean good) {
	}

	/** Whether the last check of the device before {@code use}, no longer than {@code within} before it, was good. */
	boolean checkedBefore(String serial, Instant use, Duration within) {
		var last = bySerial.getOrDefault(serial, List.of()).stream()
			.filter(c -> !c.at().isAfter(use))
			.max(java.util.Comparator.comparing(CheckFact::at));
		return last.filter(c -> c.good() && !c.at().isBefore(use.minus(within))).isPresent();
	}
}
