package org.lawtrace.devices;

import static org.lawtrace.shared.DatabaseTime.utc;
import static org.lawtrace.shared.DatabaseTime.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The device ledger and each device's history. Devices are retired, never deleted, and their history is only ever
 * added to, so what a device was at any past moment stays provable.
 */
@Repository
class Devices {

	private final JdbcClient jdbc;

	Devices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void register(Device device, StaffId by) {
		jdbc.sql("""
				insert into devices_device (id, serial_number, kind, model, unit_id, status, holder_id,
				    storage_capacity_mb, commissioned_on, registered_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(device.id().id(), device.serialNumber(), device.kind().name(), device.model(),
					device.unitId().id(), device.status().name(), null, device.storageCapacityMb(),
					device.commissionedOn(), utc(device.registeredAt()), device.version())
			.update();
		append(new StatusChange(device.id(), device.version(), null, device.status(), null, device.registeredAt(), by,
				"登记入账 (registered)"));
	}

	/**
	 * Stores a change decided on {@code current} and adds it to the history.
	 *
	 * @throws Conflict when the device changed meanwhile.
	 */
	void change(Device current, Device next, Instant at, StaffId by, @Nullable String reason) {
		var updated = jdbc.sql("update devices_device set status = ?, holder_id = ?, version = ? "
				+ "where id = ? and version = ?")
			.params(next.status().name(), next.holder() == null ? null : next.holder().id(), next.version(),
					current.id().id(), current.version())
			.update();
		if (updated != 1) {
			throw new Conflict("status", "设备状态已被他人更改，请刷新后重试 (the device changed meanwhile)");
		}
		append(new StatusChange(next.id(), next.version(), current.status(), next.status(), next.holder(), at, by,
				reason));
	}

	boolean serialTaken(String serialNumber) {
		return jdbc.sql("select count(*) from devices_device where serial_number = ?")
			.param(serialNumber).query(Integer.class).single() > 0;
	}

	Optional<Device> byId(DeviceId id) {
		return jdbc.sql("select * from devices_device where id = ?").param(id.id()).query(Devices::map).optional();
	}

	Optional<Device> bySerial(String serialNumber) {
		return jdbc.sql("select * from devices_device where serial_number = ?").param(serialNumber)
			.query(Devices::map).optional();
	}

	List<Device> search(DeviceFilter filter) {
		var where = new StringBuilder(" where 1 = 1");
		var params = new HashMap<String, Object>();
		if (filter.unit() != null) {
			where.append(" and unit_id = :unit");
			params.put("unit", filter.unit().id());
		}
		if (filter.status() != null) {
			where.append(" and status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.kind() != null) {
			where.append(" and kind = :kind");
			params.put("kind", filter.kind().name());
		}
		if (filter.holder() != null) {
			where.append(" and holder_id = :holder");
			params.put("holder", filter.holder().id());
		}
		return jdbc.sql("select * from devices_device" + where + " order by serial_number").params(params)
			.query(Devices::map).list();
	}

	DeviceHistory history(DeviceId id) {
		return new DeviceHistory(jdbc.sql("select * from devices_status_change where device_id = ? order by position")
			.param(id.id())
			.query((rs, row) -> new StatusChange(new DeviceId(rs.getObject("device_id", UUID.class)),
					rs.getInt("position"), status(rs.getString("from_status")),
					DeviceStatus.valueOf(rs.getString("to_status")), staff(rs.getObject("holder_id", UUID.class)),
					instant(rs.getObject("changed_at", OffsetDateTime.class)),
					new StaffId(rs.getObject("changed_by", UUID.class)), rs.getString("reason")))
			.list());
	}

	private void append(StatusChange change) {
		jdbc.sql("""
				insert into devices_status_change (device_id, position, from_status, to_status, holder_id, changed_at,
				    changed_by, reason) values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(change.device().id(), change.position(), change.from() == null ? null : change.from().name(),
					change.to().name(), change.holder() == null ? null : change.holder().id(), utc(change.at()),
					change.by().id(), change.reason())
			.update();
	}

	private static Device map(ResultSet rs, int row) throws SQLException {
		return new Device(new DeviceId(rs.getObject("id", UUID.class)), rs.getString("serial_number"),
				DeviceKind.valueOf(rs.getString("kind")), rs.getString("model"),
				new UnitId(rs.getObject("unit_id", UUID.class)), DeviceStatus.valueOf(rs.getString("status")),
				staff(rs.getObject("holder_id", UUID.class)), rs.getObject("storage_capacity_mb", Integer.class),
				rs.getObject("commissioned_on", LocalDate.class),
				instant(rs.getObject("registered_at", OffsetDateTime.class)), rs.getInt("version"));
	}

	private static @Nullable DeviceStatus status(@Nullable String name) {
		return name == null ? null : DeviceStatus.valueOf(name);
	}

	static @Nullable StaffId staff(@Nullable UUID id) {
		return id == null ? null : new StaffId(id);
	}



}
