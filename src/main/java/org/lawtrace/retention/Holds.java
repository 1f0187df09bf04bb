package org.lawtrace.retention;

import static org.lawtrace.shared.DatabaseTime.instant;
import static org.lawtrace.shared.DatabaseTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StaffId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Holds, placed and released; never deleted. */
@Repository
class Holds {

	private final JdbcClient jdbc;

	Holds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Hold h) {
		jdbc.sql("""
				insert into retention_hold (id, subject_type, subject_id, case_id, kind, reason, placed_by, placed_at)
				values (?,?,?,?,?,?,?,?)""")
			.params(h.id(), h.subject().type().name(), h.subject().id(), h.caseId() == null ? null : h.caseId().id(),
					h.kind().name(), h.reason(), h.placedBy().id(), utc(h.placedAt()))
			.update();
	}

	boolean release(Hold h) {
		return jdbc.sql("update retention_hold set released_by = ?, released_at = ?, release_reason = ? "
				+ "where id = ? and released_at is null")
			.params(h.releasedBy() == null ? null : h.releasedBy().id(), utc(h.releasedAt()), h.releaseReason(), h.id())
			.update() == 1;
	}

	Optional<Hold> byId(UUID id) {
		return jdbc.sql("select * from retention_hold where id = ?").param(id).query(Holds::map).optional();
	}

	List<Hold> all() {
		return jdbc.sql("select * from retention_hold order by placed_at desc").query(Holds::map).list();
	}

	List<Hold> inForce() {
		return jdbc.sql("select * from retention_hold where released_at is null order by placed_at")
			.query(Holds::map).list();
	}

	private static Hold map(ResultSet rs, int row) throws SQLException {
		var caseId = rs.getObject("case_id", UUID.class);
		var releasedBy = rs.getObject("released_by", UUID.class);
		return new Hold(rs.getObject("id", UUID.class),
				new Subject(Subject.Type.valueOf(rs.getString("subject_type")), rs.getObject("subject_id", UUID.class)),
				caseId == null ? null : new CaseId(caseId), HoldKind.valueOf(rs.getString("kind")),
				rs.getString("reason"), new StaffId(rs.getObject("placed_by", UUID.class)),
				instant(rs.getObject("placed_at", OffsetDateTime.class)),
				releasedBy == null ? null : new StaffId(releasedBy),
				instant(rs.getObject("released_at", OffsetDateTime.class)), rs.getString("release_reason"));
	}
}
