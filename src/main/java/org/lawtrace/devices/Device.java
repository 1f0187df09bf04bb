package org.lawtrace.devices;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;

/**
 * A recording device in the bureau's ledger (设备台账, ART-09): what it is, which unit owns it, where it stands and
 * who holds it. Each state change is an intention-revealing method that checks the current status; {@code version}
 * counts the changes, so a change is only stored against the state it was decided on.
 *
 * @param storageCapacityMb the device's storage, when known: lets a check give free storage in MB.
 * @param commissionedOn the day it went into service (启用日期), from which maintenance is due until the first.
 */
public record Device(DeviceId id, String serialNumber, DeviceKind kind, String model, UnitId unitId,
		DeviceStatus status, @Nullable StaffId holder, @Nullable Integer storageCapacityMb, LocalDate commissionedOn,
		Instant registeredAt, int version) {

	/** Issues the device to one person; only a device in the keeper's hands can be issued. */
	Device issueTo(StaffId holder) {
		require(DeviceStatus.AVAILABLE, "领用 (issue)");
		return with(DeviceStatus.ISSUED, holder);
	}

	Device returned() {
		require(DeviceStatus.ISSUED, "归还 (return)");
		return with(DeviceStatus.AVAILABLE, null);
	}

	/** ART-12: a fault takes the device out of service at once, and any holding ends with it. */
	Device faulted() {
		if (!status.inService()) {
			throw refused("报告故障 (report a fault)");
		}
		return with(DeviceStatus.FAULTY, null);
	}

	Device sentForRepair() {
		require(DeviceStatus.FAULTY, "送修 (send for repair)");
		return with(DeviceStatus.IN_REPAIR, null);
	}

	/** ART-12: only a closed repair brings a device back into service. */
	Device repaired() {
		require(DeviceStatus.IN_REPAIR, "修复 (close a repair)");
		return with(DeviceStatus.AVAILABLE, null);
	}

	/** A device is retired from the keeper's hands or while faulty; an issued one is returned first. */
	Device retired() {
		if (status != DeviceStatus.AVAILABLE && status != DeviceStatus.FAULTY) {
			throw refused("报废 (retire)");
		}
		return with(DeviceStatus.RETIRED, null);
	}

	/** ART-22 (5): a lost or destroyed device leaves service for good, whatever its state, and its holding ends. */
	Device lost() {
		return with(DeviceStatus.RETIRED, null);
	}

	/** Checks are taken on devices in service: before issue, or by the holder before use (ART-11). */
	void requireInService(String action) {
		if (!status.inService()) {
			throw refused(action);
		}
	}

	/**
	 * Whether the device's status lets {@code action} happen, by the same rules as the methods above (who may act is
	 * {@link DeviceManagement#actionsOpenTo}'s question).
	 */
	boolean statusAllows(DeviceAction action) {
		return switch (action) {
			case CHECK, REPORT_FAULT -> status.inService();
			case ISSUE -> status == DeviceStatus.AVAILABLE;
			case RETURN -> status == DeviceStatus.ISSUED;
			case OPEN_REPAIR -> status == DeviceStatus.FAULTY;
			case CLOSE_REPAIR -> status == DeviceStatus.IN_REPAIR;
			case RETIRE -> status == DeviceStatus.AVAILABLE || status == DeviceStatus.FAULTY;
			case MAINTAIN, REPORT_LOSS -> status != DeviceStatus.RETIRED;
			case OVERRIDE_CHECK -> status.inService();
		};
	}

	boolean heldBy(StaffId staff) {
		return staff.equals(holder);
	}

	private void require(DeviceStatus expected, String action) {
		if (status != expected) {
			throw refused(action);
		}
	}

	private Conflict refused(String action) {
		return new Conflict("status", "设备 " + serialNumber + " 当前状态为" + status.chineseName() + "，不能" + action
				+ " (device is " + status + ")");
	}

	private Device with(DeviceStatus next, @Nullable StaffId nextHolder) {
		return new Device(id, serialNumber, kind, model, unitId, next, nextHolder, storageCapacityMb, commissionedOn,
				registeredAt, version + 1);
	}
}
