package org.lawtrace.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.lawtrace.shared.StaffId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Suspensions from duty; only ever added, so whether someone was qualified on a past day stays provable. */
@Repository
class Suspensions {

	private final JdbcClient jdbc;

	Suspensions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Suspension s) {
		jdbc.sql("""
				insert into staff_suspension (id, staff_id, first_day, last_day, reason, decided_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(s.id(), s.staff().id(), s.firstDay(), s.lastDay(), s.reason(), s.decidedBy().id(),
					OffsetDateTime.ofInstant(s.recordedAt(), ZoneOffset.UTC))
			.update();
	}

	List<Suspension> of(StaffId staff) {
		return jdbc.sql("select * from staff_suspension where staff_id = ? order by first_day, recorded_at")
			.param(staff.id()).query(Suspensions::map).list();
	}

	/** Everyone's suspensions, in one read, each person's earliest first. */
	List<Suspension> all() {
		return jdbc.sql("select * from staff_suspension order by staff_id, first_day, recorded_at")
			.query(Suspensions::map).list();
	}

	private static Suspension map(ResultSet rs, int row) throws SQLException {
		return new Suspension(rs.getObject("id", UUID.class), new StaffId(rs.getObject("staff_id", UUID.class)),
				rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class),
				rs.getString("reason"), new StaffId(rs.getObject("decided_by", UUID.class)),
				instant(rs.getObject("recorded_at", OffsetDateTime.class)));
	}

	private static Instant instant(OffsetDateTime t) {
		return t.toInstant();
	}
}
