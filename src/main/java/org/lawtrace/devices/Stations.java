package org.lawtrace.devices;

import static org.lawtrace.shared.DatabaseTime.instant;
import static org.lawtrace.shared.DatabaseTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Registered collection stations (采集站). */
@Repository
class Stations {

	private final JdbcClient jdbc;

	Stations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Station station, StaffId by) {
		jdbc.sql("""
				insert into devices_station (id, name, unit_id, location, account_id, registered_at, registered_by)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(station.id(), station.name(), station.unitId().id(), station.location(), station.account().id(),
					utc(station.registeredAt()), by.id())
			.update();
	}

	boolean nameTaken(String name) {
		return jdbc.sql("select count(*) from devices_station where name = ?").param(name).query(Integer.class)
			.single() > 0;
	}

	List<Station> all() {
		return jdbc.sql("select * from devices_station order by name").query(Stations::map).list();
	}

	Optional<Station> byId(UUID id) {
		return jdbc.sql("select * from devices_station where id = ?").param(id).query(Stations::map).optional();
	}

	Optional<Station> byAccount(StaffId account) {
		return jdbc.sql("select * from devices_station where account_id = ?").param(account.id())
			.query(Stations::map).optional();
	}

	/** Counts one more upload by the station signed in as {@code account}; uploads by people count nowhere. */
	void countUpload(StaffId account, java.time.Instant at) {
		jdbc.sql("update devices_station set upload_count = upload_count + 1, last_upload_at = ? where account_id = ?")
			.params(utc(at), account.id()).update();
	}

	private static Station map(ResultSet rs, int row) throws SQLException {
		return new Station(rs.getObject("id", UUID.class), rs.getString("name"),
				new UnitId(rs.getObject("unit_id", UUID.class)), rs.getString("location"),
				new StaffId(rs.getObject("account_id", UUID.class)),
				instant(rs.getObject("registered_at", OffsetDateTime.class)), rs.getLong("upload_count"),
				instant(rs.getObject("last_upload_at", OffsetDateTime.class)));
	}
}
