package org.lawtrace.inspection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.StaffId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The violation register; a violation changes only by its steps and is never removed. */
@Repository
class Violations {

	private final JdbcClient jdbc;

	Violations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Violation v) {
		jdbc.sql("insert into inspection_violation (id, item, facts, registered_by, registered_at, state) "
				+ "values (?, ?, ?, ?, ?, ?)")
			.params(v.id(), v.item(), v.facts(), v.registeredBy().id(), time(v.registeredAt()), v.state().name())
			.update();
		for (var o : v.officers()) {
			jdbc.sql("insert into inspection_violation_officer (violation_id, staff_id) values (?, ?)")
				.params(v.id(), o.staff().id()).update();
		}
		var position = 0;
		for (var s : v.sources()) {
			jdbc.sql("insert into inspection_violation_source (violation_id, position, kind, reference, note) "
					+ "values (?, ?, ?, ?, ?)")
				.params(v.id(), ++position, s.kind().name(), s.reference(), s.note()).update();
		}
	}

	boolean defend(UUID id, StaffId officer, String defence, Instant at) {
		return jdbc.sql("update inspection_violation_officer set defence = ?, defended_at = ? "
				+ "where violation_id = ? and staff_id = ?")
			.params(defence, time(at), id, officer.id()).update() == 1;
	}

	/** Writes a proposal; false when the violation left the states a proposal is made in meanwhile. */
	boolean propose(UUID id, Violation.Ruling r) {
		return jdbc.sql("update inspection_violation set state = 'PROPOSED', proposed_sanction = ?, proposed_from = ?, "
				+ "proposed_to = ?, proposed_leaders = ?, proposal_reason = ?, proposed_by = ?, proposed_at = ? "
				+ "where id = ? and state in ('NOTIFIED', 'PROPOSED')")
			.params(r.sanction().name(), r.suspensionFrom(), r.suspensionTo(), r.leaders(), r.reason(), r.by().id(),
					time(r.at()), id)
			.update() == 1;
	}

	boolean decide(UUID id, Violation.Ruling r) {
		return jdbc.sql("update inspection_violation set state = 'DECIDED', sanction = ?, suspension_from = ?, "
				+ "suspension_to = ?, leaders = ?, decision_note = ?, decided_by = ?, decided_at = ? "
				+ "where id = ? and state = 'PROPOSED'")
			.params(r.sanction().name(), r.suspensionFrom(), r.suspensionTo(), r.leaders(), r.reason(), r.by().id(),
					time(r.at()), id)
			.update() == 1;
	}

	Optional<Violation> byId(UUID id) {
		return jdbc.sql("select * from inspection_violation where id = ?").param(id).query(this::map).optional();
	}

	List<Violation> all(int limit) {
		return jdbc.sql("select * from inspection_violation order by registered_at desc fetch first " + limit
				+ " rows only").query(this::map).list();
	}

	List<Violation> naming(StaffId staff) {
		return jdbc.sql("select v.* from inspection_violation v join inspection_violation_officer o "
				+ "on o.violation_id = v.id where o.staff_id = ? order by v.registered_at desc")
			.param(staff.id()).query(this::map).list();
	}

	private Violation map(ResultSet rs, int row) throws SQLException {
		var id = rs.getObject("id", UUID.class);
		var officers = jdbc.sql("select * from inspection_violation_officer where violation_id = ? order by staff_id")
			.param(id)
			.query((r, n) -> new Violation.Officer(new StaffId(r.getObject("staff_id", UUID.class)), r.getString("defence"),
					instant(r.getObject("defended_at", OffsetDateTime.class))))
			.list();
		var sources = jdbc.sql("select * from inspection_violation_source where violation_id = ? order by position")
			.param(id)
			.query((r, n) -> new Violation.Source(Violation.SourceKind.valueOf(r.getString("kind")),
					r.getString("reference"), r.getString("note")))
			.list();
		return new Violation(id, rs.getInt("item"), rs.getString("facts"), officers, sources,
				new StaffId(rs.getObject("registered_by", UUID.class)),
				rs.getObject("registered_at", OffsetDateTime.class).toInstant(),
				Violation.State.valueOf(rs.getString("state")), ruling(rs, "proposed_sanction", "proposed_from",
						"proposed_to", "proposed_leaders", "proposal_reason", "proposed_by", "proposed_at"),
				ruling(rs, "sanction", "suspension_from", "suspension_to", "leaders", "decision_note", "decided_by",
						"decided_at"));
	}

	private static Violation.@Nullable Ruling ruling(ResultSet rs, String sanction, String from, String to,
			String leaders, String reason, String by, String at) throws SQLException {
		var s = rs.getString(sanction);
		if (s == null) {
			return null;
		}
		return new Violation.Ruling(Sanction.valueOf(s), rs.getObject(from, LocalDate.class),
				rs.getObject(to, LocalDate.class), rs.getString(leaders), rs.getString(reason),
				new StaffId(rs.getObject(by, UUID.class)), rs.getObject(at, OffsetDateTime.class).toInstant());
	}

	private static OffsetDateTime time(Instant t) {
		return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime t) {
		return t == null ? null : t.toInstant();
	}
}
