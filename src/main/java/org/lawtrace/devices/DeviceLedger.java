package org.lawtrace.devices;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.StaffId;
import org.lawtrace.staff.Permission;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the device ledger (设备台账) and answers what a device was and who held it at any moment, for the
 * recordings module to tie a recording to the device and person that made it.
 * <p>
 * The keeper, the leaders, the discipline unit and the administrator see every device; officers and assistants
 * see the devices they hold, and no other device exists for them.
 */
@Service
@Transactional(readOnly = true)
public class DeviceLedger {

	private final Devices devices;
	private final Checks checks;
	private final Faults faults;
	private final Repairs repairs;
	private final Maintenances maintenances;
	private final Notifications notifications;
	private final StaffDirectory staff;
	private final DeviceSettings settings;
	private final BureauTime time;

	DeviceLedger(Devices devices, Checks checks, Faults faults, Repairs repairs, Maintenances maintenances,
			Notifications notifications, StaffDirectory staff, DeviceSettings settings, BureauTime time) {
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

	/** Who held the device with this serial number at the moment, if anyone did. */
	public Optional<StaffId> holderAt(String serialNumber, Instant at) {
		return devices.bySerial(serialNumber).flatMap(d -> devices.history(d.id()).holderAt(at));
	}

	/** The status of the device with this serial number at the moment; empty if unknown then. */
	public Optional<DeviceStatus> statusAt(String serialNumber, Instant at) {
		return devices.bySerial(serialNumber).flatMap(d -> devices.history(d.id()).statusAt(at));
	}

	public Device require(DeviceId id, String viewer) {
		var device = devices.byId(id).orElseThrow(() -> new NotFound("device", id));
		var member = staff.require(viewer);
		if (!seesAll(member) && !device.heldBy(member.id())) {
			throw new NotFound("device", id);
		}
		return device;
	}

	public List<LedgerEntry> entries(DeviceFilter filter, String viewer) {
		var member = staff.require(viewer);
		return entries(devices.search(seesAll(member) ? filter : filter.heldBy(member.id())));
	}

	/** Days ahead within which maintenance counts as due soon (ART-11). */
	public static final int DUE_SOON_DAYS = 30;

	/** The ledger's entries, of those only the ones whose maintenance is due as asked. */
	public List<LedgerEntry> entries(DeviceFilter filter, @Nullable MaintenanceDue due, String viewer) {
		var entries = entries(filter, viewer);
		if (due == null) {
			return entries;
		}
		var soon = time.today().plusDays(DUE_SOON_DAYS);
		return entries.stream().filter(e -> e.device().status() != DeviceStatus.RETIRED)
			.filter(e -> due == MaintenanceDue.OVERDUE ? e.maintenanceOverdue() : !e.maintenanceDue().isAfter(soon))
			.toList();
	}

	/** How many devices are out of service with a reported fault, waiting to be sent for repair (ART-12). */
	public int faultyCount() {
		return devices.search(new DeviceFilter(null, DeviceStatus.FAULTY, null, null)).size();
	}

	public LedgerEntry entry(DeviceId id, String viewer) {
		return entries(List.of(require(id, viewer))).get(0);
	}

	/** ART-11: devices in use whose scheduled maintenance is past due. */
	public List<LedgerEntry> maintenanceOverdue() {
		return entries(devices.search(DeviceFilter.all())).stream().filter(LedgerEntry::maintenanceOverdue).toList();
	}

	public DeviceHistory history(DeviceId id, String viewer) {
		return devices.history(require(id, viewer).id());
	}

	public List<PreUseCheck> checks(DeviceId id, String viewer) {
		return checks.of(require(id, viewer).id());
	}

	public List<Fault> faults(DeviceId id, String viewer) {
		return faults.of(require(id, viewer).id());
	}

	public List<Repair> repairs(DeviceId id, String viewer) {
		return repairs.of(require(id, viewer).id());
	}

	public List<Maintenance> maintenance(DeviceId id, String viewer) {
		return maintenances.of(require(id, viewer).id());
	}

	/** The fault notifications addressed to this keeper, newest first. */
	public List<FaultNotification> notifications(String keeper) {
		return notifications.addressedTo(staff.require(keeper).id());
	}

	private List<LedgerEntry> entries(List<Device> found) {
		var ids = found.stream().map(Device::id).toList();
		var lastChecks = checks.latestOf(ids);
		var openFaults = faults.openCounts(ids);
		var lastMaintained = maintenances.lastDone(ids);
		var today = time.today();
		return found.stream().map(d -> {
			var last = lastMaintained.get(d.id());
			var due = (last == null ? d.commissionedOn() : last).plus(settings.maintenanceIntervalOf(d.kind()));
			return new LedgerEntry(d, lastChecks.get(d.id()), openFaults.getOrDefault(d.id(), 0), last, due,
					d.status() != DeviceStatus.RETIRED && due.isBefore(today));
		}).toList();
	}

	private static boolean seesAll(StaffMember member) {
		return Permission.OVERSEE_DEVICES.grantedTo(member);
	}
}
