package org.lawtrace.devices.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.devices.CheckReadings;
import org.lawtrace.devices.CloseRepair;
import org.lawtrace.devices.DeviceFilter;
import org.lawtrace.devices.DeviceId;
import org.lawtrace.devices.DeviceKind;
import org.lawtrace.devices.DeviceLedger;
import org.lawtrace.devices.DeviceManagement;
import org.lawtrace.devices.DeviceStatus;
import org.lawtrace.devices.OpenRepair;
import org.lawtrace.devices.RegisterDevice;
import org.lawtrace.devices.web.DeviceViews.CheckView;
import org.lawtrace.devices.web.DeviceViews.DeviceDetail;
import org.lawtrace.devices.web.DeviceViews.DeviceView;
import org.lawtrace.devices.web.DeviceViews.FaultView;
import org.lawtrace.devices.web.DeviceViews.MaintenanceView;
import org.lawtrace.devices.web.DeviceViews.NotificationView;
import org.lawtrace.devices.web.DeviceViews.PersonRef;
import org.lawtrace.devices.web.DeviceViews.RepairView;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.UnitId;
import org.lawtrace.staff.Permissions;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The device ledger over REST (ART-09 to ART-12). The custodian is the device keeper and makes every change but
 * two: the holder of a device may check it and report it faulty, and only a deputy director or the director
 * overrides a failed pre-use check. Leaders, the discipline unit and the administrator read the whole ledger;
 * officers and assistants see the devices they hold.
 */
@RestController
@RequestMapping("/api/v1/devices")
class DeviceController {

	private final DeviceManagement devices;
	private final DeviceLedger ledger;
	private final DeviceViews views;
	private final BureauTime time;

	DeviceController(DeviceManagement devices, DeviceLedger ledger, DeviceViews views, BureauTime time) {
		this.devices = devices;
		this.ledger = ledger;
		this.views = views;
		this.time = time;
	}

	/**
	 * The device ledger (设备台账): the bureau's recording devices, optionally of one unit, kind or status; officers and
	 * assistants see only the devices they hold.
	 */
	@GetMapping
	@Permissions.SeeDevices
	List<DeviceView> list(@RequestParam(required = false) @Nullable UUID unit,
			@RequestParam(required = false) @Nullable DeviceStatus status,
			@RequestParam(required = false) @Nullable DeviceKind kind, Authentication caller) {
		return views.of(ledger.entries(filter(unit, status, kind), caller.getName()));
	}

	/**
	 * Registers a new recording device in the ledger (ART-09) with its serial number, kind, model, keeping unit and
	 * storage capacity.
	 */
	@PostMapping
	@Permissions.RegisterDevices
	ResponseEntity<DeviceView> register(@Valid @RequestBody NewDevice body, Authentication caller) {
		var device = devices.register(new RegisterDevice(body.serialNumber(), body.kind(), body.model(),
				new UnitId(body.unitId()), body.storageCapacityMb(), body.commissionedOn()), caller.getName());
		return ResponseEntity.created(URI.create("/api/v1/devices/" + device.id()))
			.body(views.of(ledger.entry(device.id(), caller.getName())));
	}

	/** One device with its holder, status and history. */
	@GetMapping("/{id}")
	@Permissions.SeeDevices
	DeviceDetail get(@PathVariable UUID id, Authentication caller) {
		var device = new DeviceId(id);
		return new DeviceDetail(views.of(ledger.entry(device, caller.getName())),
				views.history(ledger.history(device, caller.getName())));
	}

	/** Who held the device at a moment: a change counts from its own instant on. */
	@GetMapping("/{id}/holder")
	@Permissions.OverseeDevices
	HolderView holder(@PathVariable UUID id,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime at,
			Authentication caller) {
		var device = ledger.require(new DeviceId(id), caller.getName());
		var history = ledger.history(device.id(), caller.getName());
		var instant = at.toInstant();
		return new HolderView(id, device.serialNumber(), time.local(instant),
				history.statusAt(instant).orElse(null), views.person(history.holderAt(instant).orElse(null)));
	}

	/**
	 * Records a pre-use check (使用前检查) of a device: battery, free storage, clock offset and lens (ART-11); the answer
	 * says whether it passed.
	 */
	@PostMapping("/{id}/checks")
	@Permissions.CheckDevices
	@ResponseStatus(HttpStatus.CREATED)
	CheckView check(@PathVariable UUID id, @Valid @RequestBody NewCheck body, Authentication caller) {
		var check = devices.recordCheck(new DeviceId(id), new CheckReadings(body.batteryPercent(), body.freeStorageMb(),
				body.freeStoragePercent(), body.clockOffsetSeconds(), body.lensOk()), caller.getName());
		return views.checks(List.of(check)).get(0);
	}

	/** The pre-use checks of a device, newest first. */
	@GetMapping("/{id}/checks")
	@Permissions.SeeDevices
	List<CheckView> checks(@PathVariable UUID id, Authentication caller) {
		return views.checks(ledger.checks(new DeviceId(id), caller.getName()));
	}

	/**
	 * A deputy director or the director lets a device that failed its pre-use check be issued anyway, with a reason
	 * (ART-11).
	 */
	@PostMapping("/{id}/checks/{checkId}/override")
	@Permissions.DecideRequests
	CheckView override(@PathVariable UUID id, @PathVariable UUID checkId, @Valid @RequestBody Reason body,
			Authentication caller) {
		return views.checks(List.of(devices.overrideCheck(new DeviceId(id), checkId, body.reason(), caller.getName())))
			.get(0);
	}

	/** Issues (领用) a device to a holder after a passed (or overridden) pre-use check (ART-10). */
	@PostMapping("/{id}/issue")
	@Permissions.KeepDevices
	DeviceView issue(@PathVariable UUID id, @Valid @RequestBody Issue body, Authentication caller) {
		var issued = devices.issue(new DeviceId(id), body.holder(), body.checkId(), caller.getName());
		return views.of(ledger.entry(issued.id(), caller.getName()));
	}

	/** Takes a device back (归还) from its holder into the keeper's custody. */
	@PostMapping("/{id}/return")
	@Permissions.KeepDevices
	DeviceView takeBack(@PathVariable UUID id, @RequestBody(required = false) @Nullable Note body,
			Authentication caller) {
		var returned = devices.takeBack(new DeviceId(id), body == null ? null : body.note(), caller.getName());
		return views.of(ledger.entry(returned.id(), caller.getName()));
	}

	/** Reports a fault of a device; it is taken out of service at once and its keeper is notified (ART-12). */
	@PostMapping("/{id}/faults")
	@Permissions.CheckDevices
	@ResponseStatus(HttpStatus.CREATED)
	FaultView reportFault(@PathVariable UUID id, @Valid @RequestBody NewFault body, Authentication caller) {
		return views.faults(List.of(devices.reportFault(new DeviceId(id), body.description(), caller.getName())))
			.get(0);
	}

	/** The faults reported for a device. */
	@GetMapping("/{id}/faults")
	@Permissions.SeeDevices
	List<FaultView> faults(@PathVariable UUID id, Authentication caller) {
		return views.faults(ledger.faults(new DeviceId(id), caller.getName()));
	}

	/** Sends a faulty device for professional repair, or records a repair by the bureau itself (ART-12). */
	@PostMapping("/{id}/repairs")
	@Permissions.KeepDevices
	@ResponseStatus(HttpStatus.CREATED)
	RepairView openRepair(@PathVariable UUID id, @Valid @RequestBody NewRepair body, Authentication caller) {
		var repair = devices.openRepair(new DeviceId(id),
				new OpenRepair(body.repairer(), body.selfRepair(), body.sentOn(), body.note()), caller.getName());
		return views.repairs(List.of(repair)).get(0);
	}

	/** Records the outcome of a repair; a successful one puts the device back in service. */
	@PostMapping("/{id}/repairs/{repairId}/close")
	@Permissions.KeepDevices
	RepairView closeRepair(@PathVariable UUID id, @PathVariable UUID repairId,
			@RequestBody(required = false) @Nullable RepairOutcome body, Authentication caller) {
		var outcome = body == null ? new CloseRepair(null, null, null)
				: new CloseRepair(body.completedOn(), body.cost(), body.result());
		return views.repairs(List.of(devices.closeRepair(new DeviceId(id), repairId, outcome, caller.getName())))
			.get(0);
	}

	/** The repairs of a device. */
	@GetMapping("/{id}/repairs")
	@Permissions.SeeDevices
	List<RepairView> repairs(@PathVariable UUID id, Authentication caller) {
		return views.repairs(ledger.repairs(new DeviceId(id), caller.getName()));
	}

	/** Records scheduled maintenance of a device (ART-11). */
	@PostMapping("/{id}/maintenance")
	@Permissions.KeepDevices
	@ResponseStatus(HttpStatus.CREATED)
	MaintenanceView recordMaintenance(@PathVariable UUID id, @RequestBody(required = false) @Nullable Maintained body,
			Authentication caller) {
		var done = devices.recordMaintenance(new DeviceId(id), body == null ? null : body.doneOn(),
				body == null ? null : body.note(), caller.getName());
		return views.maintenance(List.of(done)).get(0);
	}

	/** The maintenance history of a device. */
	@GetMapping("/{id}/maintenance")
	@Permissions.SeeDevices
	List<MaintenanceView> maintenance(@PathVariable UUID id, Authentication caller) {
		return views.maintenance(ledger.maintenance(new DeviceId(id), caller.getName()));
	}

	/** Retires a device from use for good, with a reason; it stays in the ledger. */
	@PostMapping("/{id}/retire")
	@Permissions.KeepDevices
	DeviceView retire(@PathVariable UUID id, @Valid @RequestBody Reason body, Authentication caller) {
		var retired = devices.retire(new DeviceId(id), body.reason(), caller.getName());
		return views.of(ledger.entry(retired.id(), caller.getName()));
	}

	/**
	 * ART-22 (5): the keeper or the holder reports a device lost (遗失) or destroyed (损毁); it leaves service for good
	 * and the discipline unit hears of it.
	 */
	@PostMapping("/{id}/loss")
	@Permissions.CheckDevices
	DeviceView reportLoss(@PathVariable UUID id, @RequestBody NewLoss body, Authentication caller) {
		var gone = devices.reportLoss(new DeviceId(id), Boolean.TRUE.equals(body.destroyed()), body.description(),
				caller.getName());
		return views.of(ledger.entry(gone.id(), caller.getName()));
	}

	/** ART-11: devices whose scheduled maintenance is past due. */
	@GetMapping("/maintenance-overdue")
	@Permissions.OverseeDevices
	List<DeviceView> maintenanceOverdue() {
		return views.of(ledger.maintenanceOverdue());
	}

	/** ART-12: the faults reported to the calling keeper. */
	@GetMapping("/notifications")
	@Permissions.KeepDevices
	List<NotificationView> notifications(Authentication caller) {
		return views.notifications(ledger.notifications(caller.getName()));
	}

	/** Marks one of the caller's fault notifications as read. */
	@PostMapping("/notifications/{id}/read")
	@Permissions.KeepDevices
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void markRead(@PathVariable UUID id, Authentication caller) {
		devices.markNotificationRead(id, caller.getName());
	}

	/** The device ledger as an Excel workbook, optionally of one unit. */
	@GetMapping("/ledger.xlsx")
	@Permissions.SeeDevices
	ResponseEntity<byte[]> ledger(@RequestParam(required = false) @Nullable UUID unit,
			@RequestParam(required = false) @Nullable DeviceStatus status,
			@RequestParam(required = false) @Nullable DeviceKind kind, Authentication caller) {
		return LedgerWorkbook.download(views.of(ledger.entries(filter(unit, status, kind), caller.getName())),
				time.today());
	}

	static DeviceFilter filter(@Nullable UUID unit, @Nullable DeviceStatus status, @Nullable DeviceKind kind) {
		return new DeviceFilter(unit == null ? null : new UnitId(unit), status, kind, null);
	}

	record NewDevice(@NotBlank String serialNumber, @NotNull DeviceKind kind, @NotBlank String model,
			@NotNull UUID unitId, @Nullable Integer storageCapacityMb, @Nullable LocalDate commissionedOn) {
	}

	record NewCheck(@NotNull Integer batteryPercent, @Nullable Integer freeStorageMb,
			@Nullable Integer freeStoragePercent, @NotNull Integer clockOffsetSeconds, @NotNull Boolean lensOk) {
	}

	record Issue(@NotBlank String holder, @NotNull UUID checkId) {
	}

	record Note(@Nullable String note) {
	}

	record Reason(@NotBlank String reason) {
	}

	record NewFault(@NotBlank String description) {
	}

	/** Checked by the service, so that the roles are checked before the body (the description is required). */
	record NewLoss(@Nullable Boolean destroyed, @Nullable String description) {
	}

	record NewRepair(@NotBlank String repairer, boolean selfRepair, @Nullable LocalDate sentOn,
			@Nullable String note) {
	}

	record RepairOutcome(@Nullable LocalDate completedOn, @Nullable BigDecimal cost, @Nullable String result) {
	}

	record Maintained(@Nullable LocalDate doneOn, @Nullable String note) {
	}

	record HolderView(UUID deviceId, String serialNumber, OffsetDateTime at, @Nullable DeviceStatus status,
			@Nullable PersonRef holder) {
	}
}
