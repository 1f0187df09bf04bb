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

/** Long-term marks, asked and decided; never deleted. */
@Repository
class LongTermMarks {

	private final JdbcClient jdbc;

	LongTermMarks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(LongTermMark m) {
		jdbc.sql("""
				insert into retention_long_term_mark (id, subject_type, subject_id, case_id, situation, reason,
				    requested_by, requested_at, status) values (?,?,?,?,?,?,?,?,?)""")
			.params(m.id(), m.subject().type().name(), m.subject().id(), m.caseId() == null ? null : m.caseId().id(),
					m.situation().name(), m.reason(), m.requestedBy().id(), utc(m.requestedAt()), m.status().name())
			.update();
	}

	/** Stores a decision, only over the undecided request it was made on. */
	boolean decide(LongTermMark m) {
		return jdbc.sql("update retention_long_term_mark set status = ?, decided_by = ?, decided_at = ?, "
				+ "decision_note = ? where id = ? and status = 'REQUESTED'")
			.params(m.status().name(), m.decidedBy() == null ? null : m.decidedBy().id(), utc(m.decidedAt()),
					m.decisionNote(), m.id())
			.update() == 1;
	}

	Optional<LongTermMark> byId(UUID id) {
		return jdbc.sql("select * from retention_long_term_mark where id = ?").param(id).query(LongTermMarks::map)
			.optional();
	}

	List<LongTermMark> all() {
		return jdbc.sql("select * from retention_long_term_mark order by requested_at desc").query(LongTermMarks::map)
			.list();
	}

	List<LongTermMark> pending() {
		return jdbc.sql("select * from retention_long_term_mark where status = 'REQUESTED' order by requested_at")
			.query(LongTermMarks::map).list();
	}

	List<LongTermMark> approved() {
		return jdbc.sql("select * from retention_long_term_mark where status = 'APPROVED' order by requested_at")
			.query(LongTermMarks::map).list();
	}

	private static LongTermMark map(ResultSet rs, int row) throws SQLException {
		var caseId = rs.getObject("case_id", UUID.class);
		var decidedBy = rs.getObject("decided_by", UUID.class);
		return new LongTermMark(rs.getObject("id", UUID.class),
				new Subject(Subject.Type.valueOf(rs.getString("subject_type")), rs.getObject("subject_id", UUID.class)),
				caseId == null ? null : new CaseId(caseId), Situation.valueOf(rs.getString("situation")),
				rs.getString("reason"), new StaffId(rs.getObject("requested_by", UUID.class)),
				instant(rs.getObject("requested_at", OffsetDateTime.class)),
				LongTermMark.Status.valueOf(rs.getString("status")), decidedBy == null ? null : new StaffId(decidedBy),
				instant(rs.getObject("decided_at", OffsetDateTime.class)), rs.getString("decision_note"));
	}
}
