package org.lawtrace.compliance;

import static org.lawtrace.shared.DatabaseTime.instant;
import static org.lawtrace.shared.DatabaseTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StageId;
import org.lawtrace.shared.StaffId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Exemption requests and their decisions. */
@Repository
class Exemptions {

	private final JdbcClient jdbc;

	Exemptions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Exemption e) {
		jdbc.sql("insert into compliance_exemption (id, case_id, stage_id, reason, requested_by, requested_at, status) "
				+ "values (?,?,?,?,?,?,?)")
			.params(e.id(), e.caseId().id(), e.stageId().id(), e.reason(), e.requestedBy().id(), utc(e.requestedAt()),
					e.status().name())
			.update();
	}

	/** Stores a decision, only over the undecided request it was made on. */
	boolean decide(Exemption e) {
		return jdbc.sql("update compliance_exemption set status = ?, decided_by = ?, decided_at = ?, decision_note = ? "
				+ "where id = ? and status = 'REQUESTED'")
			.params(e.status().name(), e.decidedBy() == null ? null : e.decidedBy().id(), utc(e.decidedAt()),
					e.decisionNote(), e.id())
			.update() == 1;
	}

	Optional<Exemption> byId(UUID id) {
		return jdbc.sql("select * from compliance_exemption where id = ?").param(id).query(Exemptions::map).optional();
	}

	List<Exemption> ofCase(CaseId caseId) {
		return jdbc.sql("select * from compliance_exemption where case_id = ? order by requested_at").param(caseId.id())
			.query(Exemptions::map).list();
	}

	/** Every request not yet decided, the oldest first. */
	List<Exemption> pending() {
		return jdbc.sql("select * from compliance_exemption where status = 'REQUESTED' order by requested_at")
			.query(Exemptions::map).list();
	}

	private static Exemption map(ResultSet rs, int row) throws SQLException {
		var decidedBy = rs.getObject("decided_by", UUID.class);
		return new Exemption(rs.getObject("id", UUID.class), new CaseId(rs.getObject("case_id", UUID.class)),
				new StageId(rs.getObject("stage_id", UUID.class)), rs.getString("reason"),
				new StaffId(rs.getObject("requested_by", UUID.class)),
				instant(rs.getObject("requested_at", OffsetDateTime.class)),
				Exemption.Status.valueOf(rs.getString("status")), decidedBy == null ? null : new StaffId(decidedBy),
				instant(rs.getObject("decided_at", OffsetDateTime.class)), rs.getString("decision_note"));
	}
}
