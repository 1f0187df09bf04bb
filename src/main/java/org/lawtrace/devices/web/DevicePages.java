package org.lawtrace.devices.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lawtrace.devices.CheckReadings;
import org.lawtrace.devices.CloseRepair;
import org.lawtrace.devices.DeviceAction;
import org.lawtrace.devices.DeviceFilter;
import org.lawtrace.devices.DeviceId;
import org.lawtrace.devices.DeviceKind;
import org.lawtrace.devices.DeviceLedger;
import org.lawtrace.devices.DeviceManagement;
import org.lawtrace.devices.DeviceStatus;
import org.lawtrace.devices.MaintenanceDue;
import org.lawtrace.devices.OpenRepair;
import org.lawtrace.devices.web.DeviceForms.CheckForm;
import org.lawtrace.devices.web.DeviceForms.CloseForm;
import org.lawtrace.devices.web.DeviceForms.FaultForm;
import org.lawtrace.devices.web.DeviceForms.IssueForm;
import org.lawtrace.devices.web.DeviceForms.LossForm;
import org.lawtrace.devices.web.DeviceForms.MaintenanceForm;
import org.lawtrace.devices.web.DeviceForms.NoteForm;
import org.lawtrace.devices.web.DeviceForms.Problems;
import org.lawtrace.devices.web.DeviceForms.ReasonForm;
import org.lawtrace.devices.web.DeviceForms.RepairForm;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.DomainException;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;
import org.lawtrace.shared.web.Htmx;
import org.lawtrace.staff.Permissions;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.lawtrace.staff.Unit;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The custodian's device workspace (设备台账, ART-09 to ART-12): the ledger with its filters, each device's page with
 * its whole history and the counter's work on it (使用前检查, 领用, 归还, 故障, 送修, 修复, 维护, 遗失), and the home
 * page's tiles. Every rule is {@link DeviceManagement}'s: the page offers only the actions it names as open to the
 * caller, and a refused form comes back as typed with every problem said.
 */
@Controller
class DevicePages {

	static final String LEDGER = "devices/ledger";
	static final String DEVICE = "devices/device";

	private final DeviceLedger ledger;
	private final DeviceManagement devices;
	private final DeviceViews views;
	private final StaffDirectory staff;
	private final BureauTime time;

	DevicePages(DeviceLedger ledger, DeviceManagement devices, DeviceViews views, StaffDirectory staff,
			BureauTime time) {
		this.ledger = ledger;
		this.devices = devices;
		this.views = views;
		this.staff = staff;
		this.time = time;
	}

	@GetMapping("/devices")
	@Permissions.SeeDevices
	String ledger(@RequestParam(required = false) @Nullable UUID unit,
			@RequestParam(required = false) @Nullable DeviceStatus status,
			@RequestParam(required = false) @Nullable DeviceKind kind,
			@RequestParam(required = false) @Nullable UUID holder,
			@RequestParam(required = false) @Nullable MaintenanceDue maintenance, Authentication caller, Model model) {
		model.addAttribute("devices", views.of(ledger.entries(filter(unit, status, kind, holder), maintenance,
				caller.getName())));
		model.addAttribute("units", staff.units());
		model.addAttribute("statuses", Arrays.asList(DeviceStatus.values()));
		model.addAttribute("kinds", Arrays.asList(DeviceKind.values()));
		model.addAttribute("dues", Arrays.asList(MaintenanceDue.values()));
		model.addAttribute("holders", holderChoices());
		model.addAttribute("unit", unit);
		model.addAttribute("status", status);
		model.addAttribute("kind", kind);
		model.addAttribute("holder", holder);
		model.addAttribute("maintenance", maintenance);
		model.addAttribute("dueSoonDays", DeviceLedger.DUE_SOON_DAYS);
		model.addAttribute("today", time.today());
		return LEDGER;
	}

	@GetMapping("/devices/ledger.xlsx")
	@Permissions.SeeDevices
	ResponseEntity<byte[]> workbook(@RequestParam(required = false) @Nullable UUID unit,
			@RequestParam(required = false) @Nullable DeviceStatus status,
			@RequestParam(required = false) @Nullable DeviceKind kind,
			@RequestParam(required = false) @Nullable UUID holder,
			@RequestParam(required = false) @Nullable MaintenanceDue maintenance, Authentication caller) {
		return LedgerWorkbook.download(views.of(ledger.entries(filter(unit, status, kind, holder), maintenance,
				caller.getName())), time.today());
	}

	/** One device with its whole history and what the caller may do to it now. */
	@GetMapping("/devices/{id}")
	@Permissions.SeeDevices
	String device(@PathVariable UUID id, Authentication caller, Model model) {
		return page(new DeviceId(id), caller, model, null, null);
	}

	/** 使用前检查 (ART-11): the readings; the verdict is the thresholds'. */
	@PostMapping("/devices/{id}/checks")
	@Permissions.CheckDevices
	String check(@PathVariable UUID id, CheckForm form, Authentication caller, Model model,
			RedirectAttributes redirect) {
		var device = new DeviceId(id);
		var problems = new Problems();
		var battery = problems.integer("batteryPercent", form.batteryPercent(), true, "请填写电量 (give the battery)",
				"电量应为整数 (battery must be a whole number)");
		var percent = problems.integer("freeStoragePercent", form.freeStoragePercent(), false, "",
				"剩余存储空间应为整数 (free storage must be a whole number)");
		var mb = problems.integer("freeStorageMb", form.freeStorageMb(), false, "",
				"剩余存储空间应为整数 (free storage must be a whole number)");
		var clock = problems.integer("clockOffsetSeconds", form.clockOffsetSeconds(), true,
				"请填写时钟偏差 (give the clock offset)", "时钟偏差应为整数秒 (clock offset must be whole seconds)");
		CheckReadings.problems(battery == null ? 0 : battery, mb, percent).forEach(problems::add);
		if (problems.any()) {
			return page(device, caller, model, "check", problems, form);
		}
		return act(device, "check", form, caller, model, redirect, "devices.done.check",
				() -> devices.recordCheck(device, new CheckReadings(battery, mb, percent, clock,
						"true".equals(form.lensOk())), caller.getName()));
	}

	/** ART-11: a deputy director or the director lets a failed check clear an issue, with a reason. */
	@PostMapping("/devices/{id}/checks/{checkId}/override")
	@Permissions.DecideRequests
	String override(@PathVariable UUID id, @PathVariable UUID checkId, ReasonForm form, Authentication caller,
			Model model, RedirectAttributes redirect) {
		var device = new DeviceId(id);
		return act(device, "override", form, caller, model, redirect, "devices.done.override",
				() -> devices.overrideCheck(device, checkId, form.reason(), caller.getName()));
	}

	/** 领用 (ART-10): to an officer or assistant, on the check that clears it. */
	@PostMapping("/devices/{id}/issue")
	@Permissions.KeepDevices
	String issue(@PathVariable UUID id, IssueForm form, Authentication caller, Model model,
			RedirectAttributes redirect) {
		var device = new DeviceId(id);
		var check = devices.checkClearingIssue(device).map(c -> c.id()).orElse(null);
		var holder = holderUsername(form.holder());
		return act(device, "issue", form, caller, model, redirect, "devices.done.issue",
				() -> devices.issue(device, holder, check, caller.getName()));
	}

	/** 归还. */
	@PostMapping("/devices/{id}/return")
	@Permissions.KeepDevices
	String takeBack(@PathVariable UUID id, NoteForm form, Authentication caller, Model model,
			RedirectAttributes redirect) {
		var device = new DeviceId(id);
		return act(device, "return", form, caller, model, redirect, "devices.done.return",
				() -> devices.takeBack(device, form.note(), caller.getName()));
	}

	/** 报告故障 (ART-12). */
	@PostMapping("/devices/{id}/faults")
	@Permissions.CheckDevices
	String fault(@PathVariable UUID id, FaultForm form, Authentication caller, Model model,
			RedirectAttributes redirect) {
		var device = new DeviceId(id);
		return act(device, "fault", form, caller, model, redirect, "devices.done.fault",
				() -> devices.reportFault(device, form.description(), caller.getName()));
	}

	/** 送修 (ART-12). */
	@PostMapping("/devices/{id}/repairs")
	@Permissions.KeepDevices
	String openRepair(@PathVariable UUID id, RepairForm form, Authentication caller, Model model,
			RedirectAttributes redirect) {
		var device = new DeviceId(id);
		var problems = new Problems();
		var sentOn = problems.date("sentOn", form.sentOn(), false, "", "日期格式应为 年-月-日 (a date is yyyy-mm-dd)");
		if (problems.any()) {
			return page(device, caller, model, "repair", problems, form);
		}
		return act(device, "repair", form, caller, model, redirect, "devices.done.repair",
				() -> devices.openRepair(device, new OpenRepair(form.repairer(), "true".equals(form.selfRepair()),
						sentOn, form.note()), caller.getName()));
	}

	/** 修复 (ART-12): the day it came back is asked for, so an empty form never closes a repair. */
	@PostMapping("/devices/{id}/repairs/{repairId}/close")
	@Permissions.KeepDevices
	String closeRepair(@PathVariable UUID id, @PathVariable UUID repairId, CloseForm form, Authentication caller,
			Model model, RedirectAttributes redirect) {
		var device = new DeviceId(id);
		var problems = new Problems();
		var on = problems.date("completedOn", form.completedOn(), true, "请填写修复日期 (give the day it was repaired)",
				"日期格式应为 年-月-日 (a date is yyyy-mm-dd)");
		var cost = problems.amount("cost", form.cost(), "维修费用应为金额 (cost must be an amount)");
		if (problems.any()) {
			return page(device, caller, model, "close", problems, form);
		}
		return act(device, "close", form, caller, model, redirect, "devices.done.close",
				() -> devices.closeRepair(device, repairId, new CloseRepair(on, cost, form.result()), caller.getName()));
	}

	/** 维护 (ART-11): the day is asked for, so an empty form records nothing. */
	@PostMapping("/devices/{id}/maintenance")
	@Permissions.KeepDevices
	String maintain(@PathVariable UUID id, MaintenanceForm form, Authentication caller, Model model,
			RedirectAttributes redirect) {
		var device = new DeviceId(id);
		var problems = new Problems();
		var on = problems.date("doneOn", form.doneOn(), true, "请填写维护日期 (give the day of the maintenance)",
				"日期格式应为 年-月-日 (a date is yyyy-mm-dd)");
		if (problems.any()) {
			return page(device, caller, model, "maintenance", problems, form);
		}
		return act(device, "maintenance", form, caller, model, redirect, "devices.done.maintenance",
				() -> devices.recordMaintenance(device, on, form.note(), caller.getName()));
	}

	/** 遗失或损毁 (ART-22 (5)). */
	@PostMapping("/devices/{id}/loss")
	@Permissions.CheckDevices
	String loss(@PathVariable UUID id, LossForm form, Authentication caller, Model model,
			RedirectAttributes redirect) {
		var device = new DeviceId(id);
		return act(device, "loss", form, caller, model, redirect, "devices.done.loss",
				() -> devices.reportLoss(device, "true".equals(form.destroyed()), form.description(),
						caller.getName()));
	}

	/** The custodian's home tiles: devices overdue for maintenance and devices out of service with a fault. */
	@GetMapping("/devices/fragments/home")
	@Permissions.KeepDevices
	String homeTiles(HttpServletRequest request, Model model) {
		if (!Htmx.wantsFragment(request)) {
			return "redirect:/";
		}
		model.addAttribute("overdue", ledger.maintenanceOverdue().size());
		model.addAttribute("faulty", ledger.faultyCount());
		return "devices/parts :: homeTiles";
	}

	private String act(DeviceId device, String formName, Object form, Authentication caller, Model model,
			RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
		}
		catch (DomainException e) {
			var problems = new Problems();
			problems.add(e);
			return page(device, caller, model, formName, problems, form);
		}
		redirect.addFlashAttribute("done", done);
		return "redirect:/devices/" + device.id();
	}

	private String page(DeviceId id, Authentication caller, Model model, @Nullable String failedForm,
			@Nullable Problems problems, Object... typed) {
		var viewer = caller.getName();
		var entry = ledger.entry(id, viewer);
		var checks = ledger.checks(id, viewer);
		var faults = ledger.faults(id, viewer);
		var repairs = ledger.repairs(id, viewer);
		var maintenance = ledger.maintenance(id, viewer);
		Set<DeviceAction> actions = devices.actionsOpenTo(id, viewer);
		model.addAttribute("device", views.of(entry));
		model.addAttribute("timeline", views.timeline(ledger.history(id, viewer), checks, maintenance));
		model.addAttribute("checks", views.checks(checks));
		model.addAttribute("faults", views.faults(faults));
		model.addAttribute("repairs", views.repairs(repairs));
		model.addAttribute("openRepair", views.repairs(repairs.stream().filter(r -> r.open()).toList()).stream()
			.findFirst().orElse(null));
		model.addAttribute("latestCheck", checks.isEmpty() ? null : views.checks(List.of(checks.get(0))).get(0));
		model.addAttribute("actions", actions.stream().map(Enum::name).collect(Collectors.toSet()));
		model.addAttribute("clearingCheck", actions.contains(DeviceAction.ISSUE)
				? devices.checkClearingIssue(id).map(c -> views.checks(List.of(c)).get(0)).orElse(null) : null);
		model.addAttribute("holders", actions.contains(DeviceAction.ISSUE) ? holderChoices() : List.of());
		model.addAttribute("today", time.today());
		model.addAttribute("failedForm", failedForm);
		model.addAttribute("problems", problems == null ? new Problems() : problems);
		model.addAttribute("typed", typed.length == 0 ? null : typed[0]);
		return DEVICE;
	}

	/** Officers and assistants a device may be issued to, by name and unit; the value is their staff id. */
	private List<HolderChoice> holderChoices() {
		Map<UnitId, String> units = staff.units().stream().collect(Collectors.toMap(Unit::id, Unit::name));
		return devices.possibleHolders().stream()
			.map(m -> new HolderChoice(m.id().id(), m.name(), units.getOrDefault(m.unitId(), ""))).toList();
	}

	private @Nullable String holderUsername(@Nullable String holderId) {
		if (holderId == null || holderId.isBlank()) {
			return null;
		}
		try {
			return staff.byId(new StaffId(UUID.fromString(holderId.strip()))).map(StaffMember::username)
				.orElse(holderId);
		}
		catch (IllegalArgumentException e) {
			return holderId;
		}
	}

	private DeviceFilter filter(@Nullable UUID unit, @Nullable DeviceStatus status, @Nullable DeviceKind kind,
			@Nullable UUID holder) {
		return new DeviceFilter(unit == null ? null : new UnitId(unit), status, kind,
				holder == null ? null : new StaffId(holder));
	}

	record HolderChoice(UUID id, String name, String unitName) {
	}
}
