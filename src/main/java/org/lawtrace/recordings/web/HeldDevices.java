package org.lawtrace.recordings.web;

import java.util.List;

import org.lawtrace.devices.DeviceFilter;
import org.lawtrace.devices.DeviceKind;
import org.lawtrace.devices.DeviceLedger;
import org.lawtrace.devices.DeviceStatus;
import org.lawtrace.staff.StaffDirectory;
import org.springframework.stereotype.Component;

/**
 * The devices a recorder holds now (ART-09, ART-10), as the device ledger says, for the upload page to offer instead
 * of a serial number typed by hand; the ledger shows a viewer only what it may see (officers their own devices).
 */
@Component
class HeldDevices {

	private final DeviceLedger ledger;
	private final StaffDirectory staff;

	HeldDevices(DeviceLedger ledger, StaffDirectory staff) {
		this.ledger = ledger;
		this.staff = staff;
	}

	List<HeldDevice> of(String recorder, String viewer) {
		return staff.byUsername(recorder)
			.map(holder -> ledger.entries(new DeviceFilter(null, DeviceStatus.ISSUED, null, holder.id()), viewer)
				.stream()
				.map(e -> new HeldDevice(e.device().serialNumber(), e.device().kind(), e.device().model()))
				.toList())
			.orElse(List.of());
	}

	record HeldDevice(String serialNumber, DeviceKind kind, String model) {
	}
}
