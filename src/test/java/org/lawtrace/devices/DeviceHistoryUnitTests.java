package org.lawtrace.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.shared.StaffId;

@DisplayName("Who held a device at a moment, from its history")
class DeviceHistoryUnitTests {

	private final DeviceId device = DeviceId.random();
	private final StaffId keeper = StaffId.random();
	private final StaffId zhang = StaffId.random();
	private final StaffId li = StaffId.random();

	private final Instant registered = Instant.parse("2026-03-01T00:00:00Z");
	private final Instant issuedToZhang = Instant.parse("2026-03-02T01:00:00Z");
	private final Instant returned = Instant.parse("2026-03-02T09:00:00Z");
	private final Instant issuedToLi = Instant.parse("2026-03-03T01:00:00Z");
	private final Instant faulted = Instant.parse("2026-03-03T05:00:00Z");

	private final DeviceHistory history = new DeviceHistory(List.of(
			// stored out of order on purpose: the history orders itself
			change(3, DeviceStatus.ISSUED, DeviceStatus.AVAILABLE, null, returned),
			change(1, null, DeviceStatus.AVAILABLE, null, registered),
			change(2, DeviceStatus.AVAILABLE, DeviceStatus.ISSUED, zhang, issuedToZhang),
			change(4, DeviceStatus.AVAILABLE, DeviceStatus.ISSUED, li, issuedToLi),
			change(5, DeviceStatus.ISSUED, DeviceStatus.FAULTY, null, faulted)));

	@Test
	void nobodyHeldItBeforeItWasRegisteredOrIssued() {
		assertThat(history.holderAt(registered.minusSeconds(1))).isEmpty();
		assertThat(history.statusAt(registered.minusSeconds(1))).isEmpty();
		assertThat(history.holderAt(registered)).isEmpty();
		assertThat(history.statusAt(registered)).contains(DeviceStatus.AVAILABLE);
	}

	@Test
	@DisplayName("The holding starts at the instant of the issue and ends at the instant of the return")
	void holdingRunsFromTheIssueUpToTheReturn() {
		assertThat(history.holderAt(issuedToZhang.minusMillis(1))).isEmpty();
		assertThat(history.holderAt(issuedToZhang)).contains(zhang);
		assertThat(history.holderAt(returned.minusMillis(1))).contains(zhang);
		assertThat(history.holderAt(returned)).isEmpty();
		assertThat(history.statusAt(returned)).contains(DeviceStatus.AVAILABLE);
	}

	@Test
	@DisplayName("ART-12: the next holder holds it until the fault ends the holding")
	void aFaultEndsTheNextHolding() {
		assertThat(history.holderAt(issuedToLi)).contains(li);
		assertThat(history.holderAt(faulted.minusMillis(1))).contains(li);
		assertThat(history.holderAt(faulted)).isEmpty();
		assertThat(history.statusAt(faulted.plusSeconds(86_400))).contains(DeviceStatus.FAULTY);
	}

	@Test
	void changesInTheSameMillisecondCountInTheOrderTheyWereMade() {
		var at = Instant.parse("2026-03-04T00:00:00Z");
		var sameInstant = new DeviceHistory(List.of(change(3, DeviceStatus.ISSUED, DeviceStatus.AVAILABLE, null, at),
				change(2, DeviceStatus.AVAILABLE, DeviceStatus.ISSUED, zhang, at),
				change(1, null, DeviceStatus.AVAILABLE, null, registered)));
		assertThat(sameInstant.holderAt(at)).isEmpty();
		assertThat(sameInstant.statusAt(at)).contains(DeviceStatus.AVAILABLE);
	}

	private StatusChange change(int position, @Nullable DeviceStatus from, DeviceStatus to, @Nullable StaffId holder,
			Instant at) {
		return new StatusChange(device, position, from, to, holder, at, keeper, null);
	}
}
