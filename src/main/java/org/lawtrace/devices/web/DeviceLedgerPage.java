package org.lawtrace.devices.web;

import java.util.Arrays;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.devices.DeviceKind;
import org.lawtrace.devices.DeviceLedger;
import org.lawtrace.devices.DeviceStatus;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.staff.Permissions;
import org.lawtrace.staff.StaffDirectory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The device ledger page (设备台账, ART-09): every device of a unit with its status, holder, last pre-use check and
 * open faults, and the same as an Excel download. Who sees which devices is the ledger's rule.
 */
@Controller
class DeviceLedgerPage {

	private final DeviceLedger ledger;
	private final DeviceViews views;
	private final StaffDirectory staff;
	private final BureauTime time;

	DeviceLedgerPage(DeviceLedger ledger, DeviceViews views, StaffDirectory staff, BureauTime time) {
		this.ledger = ledger;
		this.views = views;
		this.staff = staff;
		this.time = time;
	}

	@GetMapping("/devices")
	@Permissions.SeeDevices
	String ledger(@RequestParam(required = false) @Nullable UUID unit,
			@RequestParam(required = false) @Nullable DeviceStatus status,
			@RequestParam(required = false) @Nullable DeviceKind kind, Authentication caller, Model model) {
		model.addAttribute("devices",
				views.of(ledger.entries(DeviceController.filter(unit, status, kind), caller.getName())));
		model.addAttribute("units", staff.units());
		model.addAttribute("statuses", Arrays.asList(DeviceStatus.values()));
		model.addAttribute("kinds", Arrays.asList(DeviceKind.values()));
		model.addAttribute("unit", unit);
		model.addAttribute("status", status);
		model.addAttribute("kind", kind);
		model.addAttribute("today", time.today());
		return "devices/ledger";
	}

	@GetMapping("/devices/ledger.xlsx")
	@Permissions.SeeDevices
	ResponseEntity<byte[]> workbook(@RequestParam(required = false) @Nullable UUID unit,
			@RequestParam(required = false) @Nullable DeviceStatus status,
			@RequestParam(required = false) @Nullable DeviceKind kind, Authentication caller) {
		return LedgerWorkbook.download(
				views.of(ledger.entries(DeviceController.filter(unit, status, kind), caller.getName())), time.today());
	}
}
