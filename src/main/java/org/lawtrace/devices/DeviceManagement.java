package org.lawtrace.devices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.NotPermitted;
import org.lawtrace.staff.Role;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The device-use management system of ART-09 to ART-12: registers devices, records pre-use checks, issues and takes
 * back devices, takes faulty ones out of service and tells their keepers, and tracks repairs and maintenance.
 * <p>
 * The custodian (CUSTODIAN) is the device keeper (设备保管人员). A check that falls short blocks the issue unless a
 * deputy director or director overrides it with a reason: the keeper who issues the device cannot wave it through
 * alone.
 */
@Service
@Transactional
public class DeviceManagement {

	private static final String SERIAL = "[A-Za-z0-9][A-Za-z0-9._/-]{0,59}";

	private final Devices devices;
	private final Checks checks;
	private final Faults faults;
	private final Repairs repairs;
	private final Maintenances maintenances;
	private final Notifications notifications;
	private final StaffDirectory staff;
	private final DeviceSettings settings;
	private final BureauTime time;
	private final ApplicationEventPublisher events;

	DeviceManagement(Devices devices, Checks checks, Faults faults, Repairs repairs, Maintenances maintenances,
			Notifications notifications, StaffDirectory staff, DeviceSettings settings, BureauTime time,
			ApplicationEventPublisher events) {
		this.events = events;
		this.devices = devices;
		this.checks = checks;
		this.faults = faults;
		this.repairs = repairs;
		this.maintenances = maintenances;
		this.notifications = notifications;
		this.staff = staff;
		this.settings = settings;
		this.time = time;
	}

	/** ART-09: puts a device in the ledger, in the keeper's hands. */
	public Device register(RegisterDevice command, String actor) {
		var serial = command.serialNumber() == null ? "" : command.serialNumber().strip().toUpperCase(Locale.ROOT);
		if (!serial.matches(SERIAL)) {
			throw new InvalidInput("serialNumber", "设备序列号为1到60位字母、数字或 . _ / - (invalid serial number): "
					+ command.serialNumber());
		}
		var model = Input.required("model", command.model(), 100, "型号");
		if (staff.unit(command.unitId()).isEmpty()) {
			throw new InvalidInput("unitId", "单位不存在 (unknown unit): " + command.unitId());
		}
		if (command.storageCapacityMb() != null && command.storageCapacityMb() <= 0) {
			throw new InvalidInput("storageCapacityMb", "存储容量应大于0 (capacity must be positive)");
		}
		var commissioned = command.commissionedOn() == null ? time.today() : command.commissionedOn();
		if (commissioned.isAfter(time.today())) {
			throw new InvalidInput("commissionedOn", "启用日期不能晚于今天 (commissionedOn is in the future)");
		}
		if (devices.serialTaken(serial)) {
			throw duplicate(serial);
		}
		var device = new Device(DeviceId.random(), serial, command.kind(), model, command.unitId(),
				DeviceStatus.AVAILABLE, null, command.storageCapacityMb(), commissioned, time.now(), 1);
		try {
			devices.register(device, staff.require(actor).id());
		}
		catch (DuplicateKeyException e) {
			throw duplicate(serial);
		}
		return device;
	}

	/**
	 * ART-11: records a pre-use check and its verdict against the bureau's thresholds. The keeper checks a device
	 * before issuing it; a holder may check the device they hold before use.
	 */
	public PreUseCheck recordCheck(DeviceId id, CheckReadings readings, String actor) {
		var device = require(id);
		var checker = staff.require(actor);
		if (!checker.holds(Role.CUSTODIAN) && !device.heldBy(checker.id())) {
			throw new NotPermitted("只有设备保管人员或持有人可以检查该设备 (only the keeper or the holder checks a device)");
		}
		device.requireInService("检查 (check)");
		var failures = settings.thresholds().failuresOf(readings, device.storageCapacityMb());
		var check = new PreUseCheck(UUID.randomUUID(), id, device.version(), time.now(), checker.id(), readings,
				failures, null, null, null);
		checks.add(check);
		return check;
	}

	/** ART-11: a deputy director or director lets a device be issued on a check that fell short, saying why. */
	public PreUseCheck overrideCheck(DeviceId id, UUID checkId, @Nullable String reason, String actor) {
		var leader = staff.require(actor);
		if (!leader.holds(Role.DEPUTY_DIRECTOR) && !leader.holds(Role.DIRECTOR)) {
			throw new NotPermitted("只有分管副局长或局长可以放行未通过的检查 (only a deputy director or the director may "
					+ "override a failed check)");
		}
		var check = checkOf(id, checkId);
		if (check.passed()) {
			throw new Conflict("checkId", "该检查已通过，无需放行 (the check passed; nothing to override)");
		}
		var why = Input.required("reason", reason, 500, "放行理由");
		if (!checks.override(checkId, leader.id(), why, time.now())) {
			throw new Conflict("checkId", "该检查已被放行 (the check was already overridden)");
		}
		return checkOf(id, checkId);
	}

	/**
	 * Issues a device to one staff member (ART-10, ART-11) on a pre-use check taken since the device last changed
	 * and no longer ago than the bureau allows, which passed or was overridden.
	 */
	public Device issue(DeviceId id, @Nullable String holderUsername, @Nullable UUID checkId, String actor) {
		var device = require(id);
		var holder = holder(holderUsername);
		var issued = device.issueTo(holder.id());
		if (checkId == null) {
			throw new InvalidInput("checkId", "领用前须进行使用前检查 (ART-11: a pre-use check is required)");
		}
		var check = checkOf(id, checkId);
		if (!current(check, device)) {
			throw new Conflict("checkId", "检查已失效，请重新检查 (the check is out of date: check the device again)");
		}
		if (!check.clearsIssue()) {
			throw new Conflict("checkId", "ART-11 使用前检查未通过（" + failureNames(check.failures())
					+ "），须分管副局长或局长说明理由放行 (the check fell short: " + check.failures()
					+ "; a deputy director or the director may override it with a reason)");
		}
		var reason = "领用人 " + holder.name() + (check.passed() ? "" : "；检查未通过，经放行：" + check.overrideReason());
		devices.change(device, issued, time.now(), staff.require(actor).id(), reason);
		return issued;
	}

	/**
	 * What {@code actor} may do to the device now: the same rules as the methods of this class, so a page offers only
	 * what would be done. An issue still needs a check that clears it ({@link #checkClearingIssue}).
	 */
	@Transactional(readOnly = true)
	public Set<DeviceAction> actionsOpenTo(DeviceId id, String actor) {
		var device = require(id);
		var person = staff.require(actor);
		var keeper = person.holds(Role.CUSTODIAN);
		var keeperOrHolder = keeper || device.heldBy(person.id());
		var leader = person.holds(Role.DEPUTY_DIRECTOR) || person.holds(Role.DIRECTOR);
		var actions = EnumSet.noneOf(DeviceAction.class);
		for (var action : DeviceAction.values()) {
			var who = switch (action) {
				case CHECK, REPORT_FAULT, REPORT_LOSS -> keeperOrHolder;
				case OVERRIDE_CHECK -> leader && checks.of(id).stream().findFirst()
					.filter(c -> !c.clearsIssue() && current(c, device)).isPresent();
				default -> keeper;
			};
			if (who && device.statusAllows(action)) {
				actions.add(action);
			}
		}
		return actions;
	}

	/**
	 * ART-11: the latest pre-use check of the device if it lets the device be issued now: taken since the device last
	 * changed, no longer ago than the bureau allows, and passed or overridden.
	 */
	@Transactional(readOnly = true)
	public Optional<PreUseCheck> checkClearingIssue(DeviceId id) {
		var device = require(id);
		return checks.of(id).stream().findFirst().filter(c -> c.clearsIssue() && current(c, device));
	}

	/** ART-10: whom a device may be issued to: officers and assistants on active accounts, by name. */
	@Transactional(readOnly = true)
	public List<StaffMember> possibleHolders() {
		return staff.all().stream().filter(DeviceManagement::mayHold)
			.sorted(java.util.Comparator.comparing(StaffMember::name)).toList();
	}

	/** Takes an issued device back into the keeper's hands; the holding ends. */
	public Device takeBack(DeviceId id, @Nullable String note, String actor) {
		var device = require(id);
		var returned = device.returned();
		var why = Input.optional("note", note, 1000, "备注");
		devices.change(device, returned, time.now(), staff.require(actor).id(), why == null ? "归还" : "归还：" + why);
		return returned;
	}

	/**
	 * ART-12: a fault takes the device out of service at once; if it was issued, the holding ends, and the keepers
	 * of the device's unit are told. The keeper or the holder reports it.
	 */
	public Fault reportFault(DeviceId id, @Nullable String description, String actor) {
		var device = require(id);
		var reporter = staff.require(actor);
		if (!reporter.holds(Role.CUSTODIAN) && !device.heldBy(reporter.id())) {
			throw new NotPermitted("只有设备保管人员或持有人可以报告该设备故障 (only the keeper or the holder reports a "
					+ "fault on a device)");
		}
		var what = Input.required("description", description, 1000, "故障描述");
		var faulty = device.faulted();
		var fault = new Fault(UUID.randomUUID(), id, time.now(), reporter.id(), what, device.holder(), null);
		faults.add(fault);
		devices.change(device, faulty, fault.reportedAt(), reporter.id(), "故障：" + what);
		notifyKeepers(device, fault, reporter);
		return fault;
	}

	/** ART-12: sends a faulty device to a repairer; a self-repair is recorded as such and never reimbursed. */
	public Repair openRepair(DeviceId id, OpenRepair command, String actor) {
		var device = require(id);
		var repairer = Input.required("repairer", command.repairer(), 200, "维修单位");
		var note = Input.optional("note", command.note(), 1000, "备注");
		var sentOn = command.sentOn() == null ? time.today() : command.sentOn();
		if (sentOn.isAfter(time.today())) {
			throw new InvalidInput("sentOn", "送修日期不能晚于今天 (sentOn is in the future)");
		}
		var inRepair = device.sentForRepair();
		var opener = staff.require(actor);
		var repair = Repair.opened(UUID.randomUUID(), id, repairer, command.selfRepair(), sentOn, note, time.now(),
				opener.id());
		repairs.add(repair);
		devices.change(device, inRepair, repair.openedAt(), opener.id(),
				(command.selfRepair() ? "擅自修理（不予报销）：" : "送修：") + repairer);
		var lastHolder = faults.of(id).stream().filter(Fault::open).map(Fault::heldBy).filter(h -> h != null)
			.reduce((first, second) -> second).orElse(null);
		events.publishEvent(new DeviceRepairOpened(id, device.serialNumber(), repair.id(), repair.selfRepair(),
				repairer, lastHolder, opener.id(), repair.openedAt()));
		return repair;
	}

	/** ART-12: closes a repair order; only this brings the device back into service, and closes its open faults. */
	public Repair closeRepair(DeviceId id, UUID repairId, CloseRepair command, String actor) {
		var device = require(id);
		var repair = repairs.byId(repairId).filter(r -> r.device().equals(id))
			.orElseThrow(() -> new NotFound("repair", repairId));
		if (!repair.open()) {
			throw new Conflict("repairId", "维修记录已关闭 (the repair is already closed)");
		}
		var completedOn = command.completedOn() == null ? time.today() : command.completedOn();
		if (completedOn.isAfter(time.today()) || completedOn.isBefore(repair.sentOn())) {
			throw new InvalidInput("completedOn", "修复日期应在送修日与今天之间 (completedOn must lie between sentOn and "
					+ "today)");
		}
		var cost = cost(command.cost());
		var result = Input.optional("result", command.result(), 1000, "维修结果");
		var repaired = device.repaired();
		var closer = staff.require(actor);
		var closed = repair.closed(completedOn, cost, result, time.now(), closer.id());
		if (!repairs.close(closed)) {
			throw new Conflict("repairId", "维修记录已关闭 (the repair was closed meanwhile)");
		}
		faults.closeOpen(id, closed.closedAt());
		devices.change(device, repaired, closed.closedAt(), closer.id(),
				"修复，恢复使用" + (result == null ? "" : "：" + result));
		return closed;
	}

	/** ART-11: records maintenance done on a device, which restarts its maintenance interval. */
	public Maintenance recordMaintenance(DeviceId id, @Nullable LocalDate doneOn, @Nullable String note, String actor) {
		var device = require(id);
		if (device.status() == DeviceStatus.RETIRED) {
			throw new Conflict("status", "设备已报废 (the device is retired)");
		}
		var day = doneOn == null ? time.today() : doneOn;
		if (day.isAfter(time.today())) {
			throw new InvalidInput("doneOn", "维护日期不能晚于今天 (doneOn is in the future)");
		}
		var maintenance = new Maintenance(UUID.randomUUID(), id, day, Input.optional("note", note, 500, "备注"),
				time.now(), staff.require(actor).id());
		maintenances.add(maintenance);
		return maintenance;
	}

	/** Retires a device for good; it stays in the ledger with its history. */
	public Device retire(DeviceId id, @Nullable String reason, String actor) {
		var device = require(id);
		var why = Input.required("reason", reason, 1000, "报废原因");
		var retired = device.retired();
		devices.change(device, retired, time.now(), staff.require(actor).id(), "报废：" + why);
		return retired;
	}

	/**
	 * ART-22 (5): a device reported lost (遗失) or destroyed (损毁) by its keeper or its holder leaves service for good
	 * (retired, with the report as reason); the discipline unit hears of it.
	 */
	public Device reportLoss(DeviceId id, boolean destroyed, @Nullable String description, String actor) {
		var device = require(id);
		var reporter = staff.require(actor);
		if (!reporter.holds(Role.CUSTODIAN) && !device.heldBy(reporter.id())) {
			throw new NotPermitted("只有设备保管人员或持有人可以报告设备遗失或损毁 (only the keeper or the holder reports a "
					+ "device lost or destroyed)");
		}
		if (device.status() == DeviceStatus.RETIRED) {
			throw new Conflict("status", "设备已报废 (the device is retired)");
		}
		var what = Input.required("description", description, 1000, "情况说明");
		var gone = device.lost();
		var at = time.now();
		devices.change(device, gone, at, reporter.id(), (destroyed ? "损毁：" : "遗失：") + what);
		events.publishEvent(new DeviceLost(id, device.serialNumber(), destroyed, device.holder(), reporter.id(), what,
				at));
		return gone;
	}

	public void markNotificationRead(UUID notificationId, String actor) {
		if (!notifications.markRead(notificationId, staff.require(actor).id(), time.now())) {
			throw new NotFound("notification", notificationId);
		}
	}

	private Device require(DeviceId id) {
		return devices.byId(id).orElseThrow(() -> new NotFound("device", id));
	}

	private PreUseCheck checkOf(DeviceId device, UUID checkId) {
		return checks.byId(checkId).filter(c -> c.device().equals(device))
			.orElseThrow(() -> new InvalidInput("checkId", "该设备无此检查记录 (no such check of this device): " + checkId));
	}

	/** ART-10: devices serve enforcement, so they are issued to officers and assistants on active accounts. */
	private StaffMember holder(@Nullable String username) {
		if (username == null || username.isBlank()) {
			throw new InvalidInput("holder", "请填写领用人 (holder is required)");
		}
		var holder = staff.byUsername(username.strip())
			.orElseThrow(() -> new InvalidInput("holder", "领用人不存在 (unknown staff): " + username));
		if (!mayHold(holder)) {
			throw new InvalidInput("holder", "设备只能领用给在岗的执法人员或协助人员 (devices are issued to active "
					+ "officers and assistants only): " + username);
		}
		return holder;
	}

	private static boolean mayHold(StaffMember member) {
		return member.enabled() && (member.holds(Role.OFFICER) || member.holds(Role.ASSISTANT));
	}

	/** Whether a check still speaks for the device: nothing happened to it since, and it is recent enough. */
	private boolean current(PreUseCheck check, Device device) {
		return check.deviceVersion() == device.version()
				&& !check.checkedAt().plus(settings.checkValidFor()).isBefore(time.now());
	}

	/** The keepers of a device: the custodians of its unit, or where it has none, every custodian of the bureau. */
	private void notifyKeepers(Device device, Fault fault, StaffMember reporter) {
		var custodians = staff.all().stream().filter(m -> m.enabled() && m.holds(Role.CUSTODIAN)).toList();
		var ofUnit = custodians.stream().filter(m -> m.unitId().equals(device.unitId())).toList();
		var message = "设备 " + device.serialNumber() + "（" + device.kind().chineseName() + "）由 " + reporter.name()
				+ " 报告故障，已停用：" + fault.description();
		for (var keeper : ofUnit.isEmpty() ? custodians : ofUnit) {
			notifications.add(new FaultNotification(UUID.randomUUID(), keeper.id(), device.id(), fault.id(), message,
					fault.reportedAt(), null));
		}
	}

	private static @Nullable BigDecimal cost(@Nullable BigDecimal cost) {
		if (cost != null && (cost.signum() < 0 || cost.scale() > 2 || cost.precision() - cost.scale() > 10)) {
			throw new InvalidInput("cost", "维修费用应为不小于0、最多两位小数的金额 (cost must be a non-negative amount in "
					+ "yuan with at most two decimals): " + cost.toPlainString());
		}
		return cost;
	}

	private static String failureNames(List<CheckFailure> failures) {
		return failures.stream().map(CheckFailure::chineseName).collect(Collectors.joining("、"));
	}

	private static Conflict duplicate(String serial) {
		return new Conflict("serialNumber", "设备序列号已登记 (serial number already registered): " + serial);
	}
}
