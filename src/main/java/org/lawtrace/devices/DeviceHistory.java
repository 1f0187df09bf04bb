package org.lawtrace.devices;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.lawtrace.shared.StaffId;

/**
 * A device's full history, which answers what the device was and who held it at any moment: a change counts from
 * its own instant on, so at the instant of an issue the new holder holds it, and at the instant of a return nobody
 * does.
 */
public record DeviceHistory(List<StatusChange> changes) {

	public DeviceHistory {
		changes = changes.stream()
			.sorted(Comparator.comparing(StatusChange::at).thenComparingInt(StatusChange::position))
			.toList();
	}

	/** The status at the moment, or empty before the device was registered. */
	public Optional<DeviceStatus> statusAt(Instant at) {
		return lastAt(at).map(StatusChange::to);
	}

	/** Who held the device at the moment, if anyone did. */
	public Optional<StaffId> holderAt(Instant at) {
		return lastAt(at).map(StatusChange::holder);
	}

	private Optional<StatusChange> lastAt(Instant at) {
		StatusChange last = null;
		for (var change : changes) {
			if (change.at().isAfter(at)) {
				break;
			}
			last = change;
		}
		return Optional.ofNullable(last);
	}
}
