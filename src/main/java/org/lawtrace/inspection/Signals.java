package org.lawtrace.inspection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.StaffId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The signal queue; a signal is triaged once, never removed. */
@Repository
class Signals {

	private final JdbcClient jdbc;

	Signals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds the signal unless one for its source fact exists; whether it was added. */
	boolean addIfNew(Signal s) {
		return jdbc.sql("""
				insert into inspection_signal (id, kind, source_key, staff_id, subject_type, subject_id, facts,
				    occurred_at, raised_at, state)
				select ?, ?, ?, ?, ?, ?, ?, ?, ?, ? from (values (1)) as one (x)
				where not exists (select 1 from inspection_signal where source_key = ?)""")
			.params(s.id(), s.kind().name(), s.sourceKey(), s.staff() == null ? null : s.staff().id(), s.subjectType(),
					s.subjectId(), s.facts(), time(s.occurredAt()), time(s.raisedAt()), s.state().name(), s.sourceKey())
			.update() == 1;
	}

	Optional<Signal> byId(UUID id) {
		return jdbc.sql("select * from inspection_signal where id = ?").param(id).query(Signals::map).optional();
	}

	Optional<Signal> bySource(String sourceKey) {
		return jdbc.sql("select * from inspection_signal where source_key = ?").param(sourceKey)
			.query(Signals::map).optional();
	}

	List<Signal> inState(@Nullable SignalState state, int limit) {
		return jdbc.sql("select * from inspection_signal where (cast(? as varchar(20)) is null or state = ?) "
				+ "order by raised_at desc fetch first " + limit + " rows only")
			.params(state == null ? null : state.name(), state == null ? null : state.name())
			.query(Signals::map).list();
	}

	List<Signal> ofStaff(StaffId staff) {
		return jdbc.sql("select * from inspection_signal where staff_id = ? order by raised_at desc")
			.param(staff.id()).query(Signals::map).list();
	}

	/** Triages a pending signal; false when someone triaged it meanwhile. */
	boolean triage(Signal s) {
		return jdbc.sql("update inspection_signal set state = ?, triaged_by = ?, triaged_at = ?, triage_note = ?, "
				+ "violation_id = ? where id = ? and state = 'PENDING'")
			.params(s.state().name(), s.triagedBy() == null ? null : s.triagedBy().id(),
					s.triagedAt() == null ? null : time(s.triagedAt()), s.triageNote(), s.violationId(), s.id())
			.update() == 1;
	}

	private static OffsetDateTime time(Instant t) {
		return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime t) {
		return t == null ? null : t.toInstant();
	}

	private static Signal map(ResultSet rs, int row) throws SQLException {
		var staff = rs.getObject("staff_id", UUID.class);
		var triagedBy = rs.getObject("triaged_by", UUID.class);
		return new Signal(rs.getObject("id", UUID.class), SignalKind.valueOf(rs.getString("kind")),
				rs.getString("source_key"), staff == null ? null : new StaffId(staff), rs.getString("subject_type"),
				rs.getString("subject_id"), rs.getString("facts"),
				rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getObject("raised_at", OffsetDateTime.class).toInstant(), SignalState.valueOf(rs.getString("state")),
				triagedBy == null ? null : new StaffId(triagedBy), instant(rs.getObject("triaged_at", OffsetDateTime.class)),
				rs.getString("triage_note"), rs.getObject("violation_id", UUID.class));
	}
}
