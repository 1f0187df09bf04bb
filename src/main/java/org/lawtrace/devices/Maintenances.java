package org.lawtrace.devices;

import static org.lawtrace.shared.DatabaseTime.instant;
import static org.lawtrace.shared.DatabaseTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.lawtrace.shared.StaffId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Maintenance done on devices (ART-11), as recorded; records are only added. */
@Repository
class Maintenances {

	private final JdbcClient jdbc;

	Maintenances(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Maintenance m) {
		jdbc.sql("""
				insert into devices_maintenance (id, device_id, done_on, note, recorded_at, recorded_by)
				values (?, ?, ?, ?, ?, ?)""")
			.params(m.id(), m.device().id(), m.doneOn(), m.note(), utc(m.recordedAt()), m.recordedBy().id())
			.update();
	}

	List<Maintenance> of(DeviceId device) {
		return jdbc.sql("select * from devices_maintenance where device_id = ? order by done_on desc, recorded_at desc")
			.param(device.id()).query(Maintenances::map).list();
	}

	/** The day each of these devices was last maintained, for those ever maintained. */
	Map<DeviceId, LocalDate> lastDone(Collection<DeviceId> devices) {
		if (devices.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select device_id, max(done_on) last_done from devices_maintenance where device_id in (:ids) "
				+ "group by device_id")
			.param("ids", devices.stream().map(DeviceId::id).toList())
			.query((rs, row) -> Map.entry(new DeviceId(rs.getObject("device_id", UUID.class)),
					rs.getObject("last_done", LocalDate.class)))
			.list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static Maintenance map(ResultSet rs, int row) throws SQLException {
		return new Maintenance(rs.getObject("id", UUID.class), new DeviceId(rs.getObject("device_id", UUID.class)),
				rs.getObject("done_on", LocalDate.class), rs.getString("note"),
				instant(rs.getObject("recorded_at", OffsetDateTime.class)),
				new StaffId(rs.getObject("recorded_by", UUID.class)));
	}
}
