package org.lawtrace.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;

class DeviceUnitTests {

	private final StaffId officer = StaffId.random();

	private final Device available = new Device(DeviceId.random(), "DY-ZFJLY-9001", DeviceKind.BODY_CAMERA, "DSJ-T9",
			UnitId.random(), DeviceStatus.AVAILABLE, null, 64_000, LocalDate.of(2026, 1, 5),
			Instant.parse("2026-01-05T01:00:00Z"), 1);

	@Test
	void issuingHandsTheDeviceToOnePersonAndCountsTheChange() {
		var issued = available.issueTo(officer);
		assertThat(issued.status()).isEqualTo(DeviceStatus.ISSUED);
		assertThat(issued.heldBy(officer)).isTrue();
		assertThat(issued.version()).isEqualTo(2);
	}

	@Test
	@DisplayName("A device is issued to one staff member at a time: an issued device cannot be issued again")
	void anIssuedDeviceCannotBeIssuedAgain() {
		var issued = available.issueTo(officer);
		assertThatThrownBy(() -> issued.issueTo(StaffId.random()))
			.isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.field()).isEqualTo("status"))
			.hasMessageContaining("ISSUED");
	}

	@Test
	@DisplayName("ART-12: a fault takes an issued device out of service at once and ends the holding")
	void aFaultEndsTheHolding() {
		var faulty = available.issueTo(officer).faulted();
		assertThat(faulty.status()).isEqualTo(DeviceStatus.FAULTY);
		assertThat(faulty.holder()).isNull();
		assertThat(faulty.status().inService()).isFalse();
		assertThatThrownBy(() -> faulty.issueTo(officer)).isInstanceOf(Conflict.class);
	}

	@Test
	@DisplayName("ART-12: a faulty device comes back into service only through a closed repair")
	void onlyARepairBringsAFaultyDeviceBack() {
		var faulty = available.faulted();
		assertThatThrownBy(faulty::repaired).isInstanceOf(Conflict.class);
		assertThatThrownBy(faulty::returned).isInstanceOf(Conflict.class);
		var back = faulty.sentForRepair().repaired();
		assertThat(back.status()).isEqualTo(DeviceStatus.AVAILABLE);
		assertThat(back.version()).isEqualTo(4);
	}

	@Test
	void anIssuedDeviceIsReturnedBeforeItIsRetiredAndARetiredOneIsNeverIssued() {
		var issued = available.issueTo(officer);
		assertThatThrownBy(issued::retired).isInstanceOf(Conflict.class);
		var retired = issued.returned().retired();
		assertThat(retired.status()).isEqualTo(DeviceStatus.RETIRED);
		assertThatThrownBy(() -> retired.issueTo(officer)).isInstanceOf(Conflict.class);
		assertThatThrownBy(retired::faulted).isInstanceOf(Conflict.class);
		assertThatThrownBy(() -> retired.requireInService("check")).isInstanceOf(Conflict.class);
	}

	@Test
	void onlyAnIssuedDeviceIsReturned() {
		assertThatThrownBy(available::returned)
			.isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.field()).isEqualTo("status"));
	}

	@Test
	@DisplayName("Issue 15: what a page offers for a device's status is exactly what the device's own rules allow")
	void statusAllowsWhatTheTransitionsAllow() {
		Map<DeviceAction, Consumer<Device>> transitions = Map.of(
				DeviceAction.ISSUE, d -> d.issueTo(officer), DeviceAction.RETURN, Device::returned,
				DeviceAction.REPORT_FAULT, Device::faulted, DeviceAction.OPEN_REPAIR, Device::sentForRepair,
				DeviceAction.CLOSE_REPAIR, Device::repaired, DeviceAction.RETIRE, Device::retired,
				DeviceAction.CHECK, d -> d.requireInService("check"));
		for (var status : DeviceStatus.values()) {
			var device = new Device(available.id(), available.serialNumber(), available.kind(), available.model(),
					available.unitId(), status, status == DeviceStatus.ISSUED ? officer : null, 64_000,
					available.commissionedOn(), available.registeredAt(), 3);
			transitions.forEach((action, transition) -> {
				boolean done;
				try {
					transition.accept(device);
					done = true;
				}
				catch (Conflict e) {
					done = false;
				}
				assertThat(device.statusAllows(action)).as(action + " on " + status).isEqualTo(done);
			});
		}
	}
}
