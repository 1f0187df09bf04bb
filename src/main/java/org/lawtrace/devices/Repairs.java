package org.lawtrace.devices;

import static org.lawtrace.shared.DatabaseTime.instant;
import static org.lawtrace.devices.Devices.staff;
import static org.lawtrace.shared.DatabaseTime.utc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.lawtrace.shared.StaffId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Repair orders (ART-12); an order is closed once, never removed. */
@Repository
class Repairs {

	private final JdbcClient jdbc;

	Repairs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Repair repair) {
		jdbc.sql("""
				insert into devices_repair (id, device_id, repairer, self_repair, sent_on, note, opened_at, opened_by)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(repair.id(), repair.device().id(), repair.repairer(), repair.selfRepair(), repair.sentOn(),
					repair.note(), utc(repair.openedAt()), repair.openedBy().id())
			.update();
	}

	/** Records the closing, if the order is still open; answers whether it was. */
	boolean close(Repair closed) {
		return jdbc.sql("update devices_repair set completed_on = ?, cost = ?, result = ?, closed_at = ?, closed_by = ? "
				+ "where id = ? and closed_at is null")
			.params(closed.completedOn(), closed.cost(), closed.result(), utc(closed.closedAt()),
					closed.closedBy() == null ? null : closed.closedBy().id(), closed.id())
			.update() == 1;
	}

	Optional<Repair> byId(UUID id) {
		return jdbc.sql("select * from devices_repair where id = ?").param(id).query(Repairs::map).optional();
	}

	List<Repair> of(DeviceId device) {
		return jdbc.sql("select * from devices_repair where device_id = ? order by opened_at desc")
			.param(device.id()).query(Repairs::map).list();
	}

	private static Repair map(ResultSet rs, int row) throws SQLException {
		return new Repair(rs.getObject("id", UUID.class), new DeviceId(rs.getObject("device_id", UUID.class)),
				rs.getString("repairer"), rs.getBoolean("self_repair"), rs.getObject("sent_on", LocalDate.class),
				rs.getString("note"), instant(rs.getObject("opened_at", OffsetDateTime.class)),
				new StaffId(rs.getObject("opened_by", UUID.class)), rs.getObject("completed_on", LocalDate.class),
				rs.getObject("cost", BigDecimal.class), rs.getString("result"),
				instant(rs.getObject("closed_at", OffsetDateTime.class)),
				staff(rs.getObject("closed_by", UUID.class)));
	}
}
