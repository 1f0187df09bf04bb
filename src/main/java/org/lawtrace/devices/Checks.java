package org.lawtrace.devices;

import static org.lawtrace.shared.DatabaseTime.instant;
import static org.lawtrace.devices.Devices.staff;
import static org.lawtrace.shared.DatabaseTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.lawtrace.shared.StaffId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Pre-use checks (ART-11); a check is kept whatever its verdict, and only an override is ever added to it. */
@Repository
class Checks {

	private final JdbcClient jdbc;

	Checks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(PreUseCheck check) {
		var r = check.readings();
		jdbc.sql("""
				insert into devices_check (id, device_id, device_version, checked_at, checked_by, battery_percent,
				    free_storage_mb, free_storage_percent, clock_offset_seconds, lens_ok, failures)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(check.id(), check.device().id(), check.deviceVersion(), utc(check.checkedAt()),
					check.checkedBy().id(), r.batteryPercent(), r.freeStorageMb(), r.freeStoragePercent(),
					r.clockOffsetSeconds(), r.lensOk(),
					check.failures().stream().map(Enum::name).collect(Collectors.joining(",")))
			.update();
	}

	/** Records an override, unless one was recorded meanwhile; answers whether this one was. */
	boolean override(UUID id, StaffId by, String reason, Instant at) {
		return jdbc.sql("update devices_check set overridden_by = ?, override_reason = ?, overridden_at = ? "
				+ "where id = ? and overridden_by is null")
			.params(by.id(), reason, utc(at), id).update() == 1;
	}

	Optional<PreUseCheck> byId(UUID id) {
		return jdbc.sql("select * from devices_check where id = ?").param(id).query(Checks::map).optional();
	}

	List<PreUseCheck> of(DeviceId device) {
		return jdbc.sql("select * from devices_check where device_id = ? order by checked_at desc")
			.param(device.id()).query(Checks::map).list();
	}

	/** The latest check of each device that has one. */
	Map<DeviceId, PreUseCheck> latestOf(Collection<DeviceId> devices) {
		if (devices.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("""
				select * from devices_check c where c.device_id in (:ids) and not exists (
				    select 1 from devices_check later where later.device_id = c.device_id
				    and (later.checked_at > c.checked_at or (later.checked_at = c.checked_at and later.id > c.id)))""")
			.param("ids", devices.stream().map(DeviceId::id).toList())
			.query(Checks::map).list().stream()
			.collect(Collectors.toMap(PreUseCheck::device, Function.identity()));
	}

	private static PreUseCheck map(ResultSet rs, int row) throws SQLException {
		var failures = rs.getString("failures");
		return new PreUseCheck(rs.getObject("id", UUID.class), new DeviceId(rs.getObject("device_id", UUID.class)),
				rs.getInt("device_version"), instant(rs.getObject("checked_at", OffsetDateTime.class)),
				new StaffId(rs.getObject("checked_by", UUID.class)),
				new CheckReadings(rs.getInt("battery_percent"), rs.getObject("free_storage_mb", Integer.class),
						rs.getObject("free_storage_percent", Integer.class), rs.getInt("clock_offset_seconds"),
						rs.getBoolean("lens_ok")),
				failures.isEmpty() ? List.of()
						: Arrays.stream(failures.split(",")).map(CheckFailure::valueOf).toList(),
				staff(rs.getObject("overridden_by", UUID.class)), rs.getString("override_reason"),
				instant(rs.getObject("overridden_at", OffsetDateTime.class)));
	}
}
