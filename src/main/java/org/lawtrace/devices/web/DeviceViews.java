package org.lawtrace.devices.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.lawtrace.devices.CheckFailure;
import org.lawtrace.devices.DeviceHistory;
import org.lawtrace.devices.DeviceKind;
import org.lawtrace.devices.DeviceStatus;
import org.lawtrace.devices.Fault;
import org.lawtrace.devices.FaultNotification;
import org.lawtrace.devices.LedgerEntry;
import org.lawtrace.devices.Maintenance;
import org.lawtrace.devices.PreUseCheck;
import org.lawtrace.devices.Repair;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.StaffId;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.lawtrace.staff.Unit;
import org.springframework.stereotype.Component;

/** Turns ledger entries, checks, faults and repairs into what API clients and pages read: names, local times. */
@Component
class DeviceViews {

	private final StaffDirectory staff;
	private final BureauTime time;

	DeviceViews(StaffDirectory staff, BureauTime time) {
		this.staff = staff;
		this.time = time;
	}

	DeviceView of(LedgerEntry entry) {
		return of(List.of(entry)).get(0);
	}

	List<DeviceView> of(List<LedgerEntry> entries) {
		var people = people(entries.stream()
			.flatMap(e -> Stream.of(e.device().holder(), e.lastCheck() == null ? null : e.lastCheck().checkedBy(),
					e.lastCheck() == null ? null : e.lastCheck().overriddenBy()))
			.filter(Objects::nonNull).toList());
		var units = staff.units().stream().collect(Collectors.toMap(Unit::id, Function.identity()));
		return entries.stream().map(e -> {
			var d = e.device();
			var unit = units.get(d.unitId());
			return new DeviceView(d.id().id(), d.serialNumber(), d.kind(), d.kind().chineseName(), d.model(),
					new UnitRef(d.unitId().id(), unit == null ? "" : unit.name()), d.status(),
					d.status().chineseName(), person(people, d.holder()), d.storageCapacityMb(), d.commissionedOn(),
					time.local(d.registeredAt()), e.lastCheck() == null ? null : check(people, e.lastCheck()),
					e.openFaults(), e.lastMaintainedOn(), e.maintenanceDue(), e.maintenanceOverdue());
		}).toList();
	}

	List<ChangeView> history(DeviceHistory history) {
		var people = people(history.changes().stream()
			.flatMap(c -> Stream.of(c.by(), c.holder())).filter(Objects::nonNull).toList());
		return history.changes().stream()
			.map(c -> new ChangeView(c.position(), c.from(), c.to(), c.to().chineseName(), person(people, c.holder()),
					time.local(c.at()), person(people, c.by()), c.reason()))
			.toList();
	}

	List<CheckView> checks(List<PreUseCheck> checks) {
		var people = people(checks.stream().flatMap(c -> Stream.of(c.checkedBy(), c.overriddenBy()))
			.filter(Objects::nonNull).toList());
		return checks.stream().map(c -> check(people, c)).toList();
	}

	List<FaultView> faults(List<Fault> faults) {
		var people = people(faults.stream().flatMap(f -> Stream.of(f.reportedBy(), f.heldBy()))
			.filter(Objects::nonNull).toList());
		return faults.stream()
			.map(f -> new FaultView(f.id(), time.local(f.reportedAt()), person(people, f.reportedBy()),
					f.description(), person(people, f.heldBy()), f.open(), local(f.closedAt())))
			.toList();
	}

	List<RepairView> repairs(List<Repair> repairs) {
		var people = people(repairs.stream().flatMap(r -> Stream.of(r.openedBy(), r.closedBy()))
			.filter(Objects::nonNull).toList());
		return repairs.stream()
			.map(r -> new RepairView(r.id(), r.repairer(), r.selfRepair(), r.reimbursable(), r.sentOn(), r.note(),
					time.local(r.openedAt()), person(people, r.openedBy()), r.open(), r.completedOn(), r.cost(),
					r.result(), local(r.closedAt()), person(people, r.closedBy())))
			.toList();
	}

	List<MaintenanceView> maintenance(List<Maintenance> done) {
		var people = people(done.stream().map(Maintenance::recordedBy).toList());
		return done.stream()
			.map(m -> new MaintenanceView(m.id(), m.doneOn(), m.note(), time.local(m.recordedAt()),
					person(people, m.recordedBy())))
			.toList();
	}

	List<NotificationView> notifications(List<FaultNotification> notifications) {
		return notifications.stream()
			.map(n -> new NotificationView(n.id(), n.device().id(), n.faultId(), n.message(), time.local(n.createdAt()),
					local(n.readAt())))
			.toList();
	}

	/**
	 * The device's whole history as one list, newest first: every change of status and holder (registration, issues,
	 * returns, faults, repairs, retirement, loss) with its reason, every pre-use check with its verdict, and every
	 * maintenance.
	 */
	List<TimelineRow> timeline(DeviceHistory history, List<PreUseCheck> checks, List<Maintenance> maintenance) {
		var people = people(Stream.concat(Stream.concat(
				history.changes().stream().flatMap(c -> Stream.of(c.by(), c.holder())),
				checks.stream().flatMap(c -> Stream.of(c.checkedBy(), c.overriddenBy()))),
				maintenance.stream().map(Maintenance::recordedBy)).filter(Objects::nonNull).toList());
		var rows = new java.util.ArrayList<TimelineRow>();
		for (var c : history.changes()) {
			rows.add(new TimelineRow(c.at(), "change", c.to().name(), name(people, c.by()),
					c.reason() == null ? "" : org.lawtrace.shared.web.PageText.forPage(c.reason()), null, null));
		}
		for (var c : checks) {
			var detail = c.failures().stream().map(CheckFailure::chineseName).collect(Collectors.joining("、"));
			rows.add(new TimelineRow(c.checkedAt(), "check", c.passed() ? "PASSED" : "FAILED", name(people, c.checkedBy()),
					detail, c.overriddenBy() == null ? null : name(people, c.overriddenBy()), c.overrideReason()));
		}
		for (var m : maintenance) {
			rows.add(new TimelineRow(m.recordedAt(), "maintenance", "DONE", name(people, m.recordedBy()),
					m.doneOn() + (m.note() == null ? "" : "：" + m.note()), null, null));
		}
		rows.sort(java.util.Comparator.comparing(TimelineRow::instant).reversed());
		return rows.stream().map(r -> r.at(time)).toList();
	}

	private static String name(Map<StaffId, StaffMember> people, @Nullable StaffId id) {
		var m = id == null ? null : people.get(id);
		return m == null ? "" : m.name();
	}

	@Nullable PersonRef person(@Nullable StaffId id) {
		return id == null ? null : person(people(List.of(id)), id);
	}

	@Nullable OffsetDateTime local(java.time.@Nullable Instant instant) {
		return instant == null ? null : time.local(instant);
	}

	private CheckView check(Map<StaffId, StaffMember> people, PreUseCheck c) {
		var r = c.readings();
		return new CheckView(c.id(), time.local(c.checkedAt()), person(people, c.checkedBy()), r.batteryPercent(),
				r.freeStorageMb(), r.freeStoragePercent(), r.clockOffsetSeconds(), r.lensOk(), c.passed(),
				c.failures(), c.failures().stream().map(CheckFailure::chineseName).toList(),
				person(people, c.overriddenBy()), c.overrideReason(), local(c.overriddenAt()), c.clearsIssue());
	}

	private Map<StaffId, StaffMember> people(Collection<StaffId> ids) {
		return staff.byIds(new HashSet<>(ids)).stream()
			.collect(Collectors.toMap(StaffMember::id, Function.identity()));
	}

	private static @Nullable PersonRef person(Map<StaffId, StaffMember> people, @Nullable StaffId id) {
		if (id == null) {
			return null;
		}
		var m = people.get(id);
		return m == null ? new PersonRef(id.toString(), "?") : new PersonRef(m.username(), m.name());
	}

	/**
	 * One line of a device's history: {@code type} is change, check or maintenance, {@code what} the status reached,
	 * the check's verdict (PASSED, FAILED) or DONE; both are message keys' tails, never shown as they are.
	 */
	record TimelineRow(java.time.Instant instant, String type, String what, String by, String detail,
			@Nullable String overriddenBy, @Nullable String overrideReason, @Nullable OffsetDateTime at) {

		TimelineRow(java.time.Instant instant, String type, String what, String by, String detail,
				@Nullable String overriddenBy, @Nullable String overrideReason) {
			this(instant, type, what, by, detail, overriddenBy, overrideReason, null);
		}

		TimelineRow at(BureauTime time) {
			return new TimelineRow(instant, type, what, by, detail, overriddenBy, overrideReason, time.local(instant));
		}
	}

	record UnitRef(UUID id, String name) {
	}

	record PersonRef(String username, String name) {
	}

	record DeviceView(UUID id, String serialNumber, DeviceKind kind, String kindName, String model, UnitRef unit,
			DeviceStatus status, String statusName, @Nullable PersonRef holder, @Nullable Integer storageCapacityMb,
			LocalDate commissionedOn, OffsetDateTime registeredAt, @Nullable CheckView lastCheck, int openFaults,
			@Nullable LocalDate lastMaintainedOn, LocalDate maintenanceDue, boolean maintenanceOverdue) {
	}

	record DeviceDetail(DeviceView device, List<ChangeView> history) {
	}

	record ChangeView(int position, @Nullable DeviceStatus from, DeviceStatus to, String toName,
			@Nullable PersonRef holder, OffsetDateTime at, @Nullable PersonRef by, @Nullable String reason) {
	}

	record CheckView(UUID id, OffsetDateTime checkedAt, @Nullable PersonRef checkedBy, int batteryPercent,
			@Nullable Integer freeStorageMb, @Nullable Integer freeStoragePercent, int clockOffsetSeconds,
			boolean lensOk, boolean passed, List<CheckFailure> failures, List<String> failureNames,
			@Nullable PersonRef overriddenBy, @Nullable String overrideReason, @Nullable OffsetDateTime overriddenAt,
			boolean clearsIssue) {
	}

	record FaultView(UUID id, OffsetDateTime reportedAt, @Nullable PersonRef reportedBy, String description,
			@Nullable PersonRef heldBy, boolean open, @Nullable OffsetDateTime closedAt) {
	}

	record RepairView(UUID id, String repairer, boolean selfRepair, boolean reimbursable, LocalDate sentOn,
			@Nullable String note, OffsetDateTime openedAt, @Nullable PersonRef openedBy, boolean open,
			@Nullable LocalDate completedOn, @Nullable BigDecimal cost, @Nullable String result,
			@Nullable OffsetDateTime closedAt, @Nullable PersonRef closedBy) {
	}

	record MaintenanceView(UUID id, LocalDate doneOn, @Nullable String note, OffsetDateTime recordedAt,
			@Nullable PersonRef recordedBy) {
	}

	record NotificationView(UUID id, UUID deviceId, UUID faultId, String message, OffsetDateTime createdAt,
			@Nullable OffsetDateTime readAt) {
	}
}
