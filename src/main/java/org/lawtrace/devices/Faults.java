package org.lawtrace.devices;

import static org.lawtrace.shared.DatabaseTime.instant;
import static org.lawtrace.devices.Devices.staff;
import static org.lawtrace.shared.DatabaseTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.lawtrace.shared.StaffId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Fault reports (ART-12); a report is closed by the repair that follows it, never removed. */
@Repository
class Faults {

	private final JdbcClient jdbc;

	Faults(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Fault fault) {
		jdbc.sql("""
				insert into devices_fault (id, device_id, reported_at, reported_by, description, held_by)
				values (?, ?, ?, ?, ?, ?)""")
			.params(fault.id(), fault.device().id(), utc(fault.reportedAt()), fault.reportedBy().id(),
					fault.description(), fault.heldBy() == null ? null : fault.heldBy().id())
			.update();
	}

	void closeOpen(DeviceId device, Instant at) {
		jdbc.sql("update devices_fault set closed_at = ? where device_id = ? and closed_at is null")
			.params(utc(at), device.id()).update();
	}

	List<Fault> of(DeviceId device) {
		return jdbc.sql("select * from devices_fault where device_id = ? order by reported_at desc")
			.param(device.id()).query(Faults::map).list();
	}

	Map<DeviceId, Integer> openCounts(Collection<DeviceId> devices) {
		if (devices.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select device_id, count(*) n from devices_fault where closed_at is null "
				+ "and device_id in (:ids) group by device_id")
			.param("ids", devices.stream().map(DeviceId::id).toList())
			.query((rs, row) -> Map.entry(new DeviceId(rs.getObject("device_id", UUID.class)), rs.getInt("n")))
			.list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static Fault map(ResultSet rs, int row) throws SQLException {
		return new Fault(rs.getObject("id", UUID.class), new DeviceId(rs.getObject("device_id", UUID.class)),
				instant(rs.getObject("reported_at", OffsetDateTime.class)),
				new StaffId(rs.getObject("reported_by", UUID.class)), rs.getString("description"),
				staff(rs.getObject("held_by", UUID.class)),
				instant(rs.getObject("closed_at", OffsetDateTime.class)));
	}
}
