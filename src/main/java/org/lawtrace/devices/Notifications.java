package org.lawtrace.devices;

import static org.lawtrace.shared.DatabaseTime.instant;
import static org.lawtrace.shared.DatabaseTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.lawtrace.shared.StaffId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The device keepers' notifications; one is marked read, never removed. */
@Repository
class Notifications {

	private final JdbcClient jdbc;

	Notifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(FaultNotification n) {
		jdbc.sql("""
				insert into devices_notification (id, recipient_id, device_id, fault_id, message, created_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(n.id(), n.recipient().id(), n.device().id(), n.faultId(), n.message(), utc(n.createdAt()))
			.update();
	}

	List<FaultNotification> addressedTo(StaffId recipient) {
		return jdbc.sql("select * from devices_notification where recipient_id = ? order by created_at desc")
			.param(recipient.id()).query(Notifications::map).list();
	}

	/** Marks the recipient's notification read; answers whether they have one by that id. */
	boolean markRead(UUID id, StaffId recipient, Instant at) {
		jdbc.sql("update devices_notification set read_at = ? where id = ? and recipient_id = ? and read_at is null")
			.params(utc(at), id, recipient.id()).update();
		return jdbc.sql("select count(*) from devices_notification where id = ? and recipient_id = ?")
			.params(id, recipient.id()).query(Integer.class).single() == 1;
	}

	private static FaultNotification map(ResultSet rs, int row) throws SQLException {
		return new FaultNotification(rs.getObject("id", UUID.class),
				new StaffId(rs.getObject("recipient_id", UUID.class)),
				new DeviceId(rs.getObject("device_id", UUID.class)), rs.getObject("fault_id", UUID.class),
				rs.getString("message"), instant(rs.getObject("created_at", OffsetDateTime.class)),
				instant(rs.getObject("read_at", OffsetDateTime.class)));
	}
}
