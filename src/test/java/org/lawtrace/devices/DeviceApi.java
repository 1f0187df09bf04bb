package org.lawtrace.devices;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.core.ParameterizedTypeReference;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON contract of the devices API ({@code /api/v1/devices}) and of collection stations
 * ({@code /api/v1/stations}) as the tests pin it, independently of the production classes: field names exactly as on
 * the wire, ids, days and times as the strings sent and answered. Request bodies leave out what is {@code null}, as a
 * client that does not send a field would.
 */
public final class DeviceApi {

	public static final ParameterizedTypeReference<List<DeviceView>> DEVICES = new ParameterizedTypeReference<>() {
	};

	public static final ParameterizedTypeReference<List<CheckView>> CHECKS = new ParameterizedTypeReference<>() {
	};

	public static final ParameterizedTypeReference<List<FaultView>> FAULTS = new ParameterizedTypeReference<>() {
	};

	public static final ParameterizedTypeReference<List<RepairView>> REPAIRS = new ParameterizedTypeReference<>() {
	};

	public static final ParameterizedTypeReference<List<NotificationView>> NOTIFICATIONS =
			new ParameterizedTypeReference<>() {
			};

	public static final ParameterizedTypeReference<List<StationView>> STATIONS = new ParameterizedTypeReference<>() {
	};

	public static final ParameterizedTypeReference<List<Unit>> UNITS = new ParameterizedTypeReference<>() {
	};

	private DeviceApi() {
	}

	/** POST /api/v1/devices: registers a device in the ledger (ART-09). */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record NewDevice(String serialNumber, String kind, String model, String unitId, Integer storageCapacityMb,
			String commissionedOn) {
	}

	/** POST /api/v1/devices/{id}/checks: a pre-use check's readings (ART-11). */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record NewCheck(Integer batteryPercent, Integer freeStorageMb, Integer freeStoragePercent,
			Integer clockOffsetSeconds, Boolean lensOk) {
	}

	/** POST /api/v1/devices/{id}/issue: to whom, after which check. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Issue(String holder, String checkId) {
	}

	/** A reason: a check's override, a device's retirement. */
	public record Reason(String reason) {
	}

	/** POST /api/v1/devices/{id}/faults (ART-12). */
	public record NewFault(String description) {
	}

	/** POST /api/v1/devices/{id}/repairs (ART-12). */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record NewRepair(String repairer, boolean selfRepair, String sentOn, String note) {
	}

	/** POST /api/v1/devices/{id}/repairs/{repairId}/close. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record RepairOutcome(String completedOn, BigDecimal cost, String result) {
	}

	/** POST /api/v1/devices/{id}/maintenance. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Maintained(String doneOn, String note) {
	}

	/** A unit as a device or a station names it. */
	public record UnitRef(String id, String name) {
	}

	/** A member of staff as the ledger names them. */
	public record PersonRef(String username, String name) {
	}

	/** One device of the ledger. */
	public record DeviceView(String id, String serialNumber, String kind, String kindName, String model, UnitRef unit,
			String status, String statusName, PersonRef holder, Integer storageCapacityMb, String commissionedOn,
			String registeredAt, CheckView lastCheck, int openFaults, String lastMaintainedOn, String maintenanceDue,
			boolean maintenanceOverdue) {
	}

	/** GET /api/v1/devices/{id}: the device and its history. */
	public record DeviceDetail(DeviceView device, List<ChangeView> history) {
	}

	/** One change of a device's status in its history. */
	public record ChangeView(int position, String from, String to, String toName, PersonRef holder, String at,
			PersonRef by, String reason) {
	}

	/** A pre-use check (ART-11). */
	public record CheckView(String id, String checkedAt, PersonRef checkedBy, int batteryPercent,
			Integer freeStorageMb, Integer freeStoragePercent, int clockOffsetSeconds, boolean lensOk, boolean passed,
			List<String> failures, List<String> failureNames, PersonRef overriddenBy, String overrideReason,
			String overriddenAt, boolean clearsIssue) {
	}

	/** A reported fault (ART-12). */
	public record FaultView(String id, String reportedAt, PersonRef reportedBy, String description, PersonRef heldBy,
			boolean open, String closedAt) {
	}

	/** A repair (ART-12). */
	public record RepairView(String id, String repairer, boolean selfRepair, boolean reimbursable, String sentOn,
			String note, String openedAt, PersonRef openedBy, boolean open, String completedOn, BigDecimal cost,
			String result, String closedAt, PersonRef closedBy) {
	}

	/** A keeper's notification of a fault. */
	public record NotificationView(String id, String deviceId, String faultId, String message, String createdAt,
			String readAt) {
	}

	/** GET /api/v1/devices/{id}/holder: who held the device at a moment (ART-10). */
	public record HolderView(String deviceId, String serialNumber, String at, String status, PersonRef holder) {
	}

	/** POST /api/v1/stations: registers a collection station (采集站) with its own account. */
	public record NewStation(String name, String username, String unitId, String location) {
	}

	/** POST /api/v1/stations/{id}/tokens. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record NewToken(String name, String expiresAt) {
	}

	/** A collection station. */
	public record StationView(String id, String name, UnitRef unit, String location, String username,
			String staffNumber, String registeredAt, String lastContactAt, long uploadCount, String lastUploadAt,
			List<TokenView> tokens) {
	}

	/** One of a station's tokens, without its secret. */
	public record TokenView(String id, String name, String createdAt, String expiresAt, String revokedAt,
			String lastUsedAt) {
	}

	/** A token just issued or rotated: the only time its secret is shown. */
	public record IssuedToken(String id, String name, String token, String expiresAt) {
	}

	/**
	 * An entry of GET /api/v1/units (the staff module's resource), as far as devices and stations need it: a unit's
	 * id by its code.
	 */
	public record Unit(String id, String code, String name) {
	}
}
