package org.lawtrace.recordings;

import static org.lawtrace.shared.DatabaseTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StaffId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Correction requests of recordings: added, then decided once; never deleted. */
@Repository
class CorrectionRequests {

	private final JdbcClient jdbc;

	CorrectionRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(CorrectionRequest c) {
		jdbc.sql("""
				insert into recordings_correction (id, recording_id, case_before, recorded_by, started_at, ended_at,
				    case_id, unlink, reason, requested_by, requested_at, status)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(c.id().id(), c.recordingId().id(), id(c.caseBefore()),
					c.recordedBy() == null ? null : c.recordedBy().id(), utc(c.startedAt()), utc(c.endedAt()),
					id(c.caseId()), c.unlink(), c.reason(), c.requestedBy().id(), utc(c.requestedAt()),
					c.status().name())
			.update();
	}

	/** Records a decision, only if nobody decided the request meanwhile. */
	boolean decide(CorrectionRequest c) {
		return jdbc.sql("""
				update recordings_correction set status = ?, decided_by = ?, decided_at = ?, opinion = ?,
				    applied_version = ?
				where id = ? and status = 'PENDING'""")
			.params(c.status().name(), c.decidedBy() == null ? null : c.decidedBy().id(), utc(c.decidedAt()),
					c.opinion(), c.appliedVersion(), c.id().id())
			.update() == 1;
	}

	Optional<CorrectionRequest> byId(CorrectionRequestId id) {
		return jdbc.sql("select * from recordings_correction where id = ?").param(id.id())
			.query(CorrectionRequests::map).optional();
	}

	List<CorrectionRequest> ofRecording(RecordingId id) {
		return jdbc.sql("select * from recordings_correction where recording_id = ? order by requested_at")
			.param(id.id()).query(CorrectionRequests::map).list();
	}

	/** Those that took a recording out of this case or brought one into it, or ask to. */
	List<CorrectionRequest> ofCase(CaseId id) {
		return jdbc.sql("""
				select * from recordings_correction where case_before = :id or case_id = :id
				order by requested_at""")
			.param("id", id.id()).query(CorrectionRequests::map).list();
	}

	List<CorrectionRequest> withStatus(CorrectionRequest.Status status, int limit) {
		return jdbc.sql("select * from recordings_correction where status = ? order by requested_at limit ?")
			.params(status.name(), limit).query(CorrectionRequests::map).list();
	}

	List<CorrectionRequest> decidedBy(StaffId decider, int limit) {
		return jdbc.sql("select * from recordings_correction where decided_by = ? order by decided_at desc limit ?")
			.params(decider.id(), limit).query(CorrectionRequests::map).list();
	}

	private static @Nullable UUID id(@Nullable CaseId id) {
		return id == null ? null : id.id();
	}

	private static CorrectionRequest map(ResultSet rs, int row) throws SQLException {
		return new CorrectionRequest(new CorrectionRequestId(rs.getObject("id", UUID.class)),
				new RecordingId(rs.getObject("recording_id", UUID.class)), caseId(rs, "case_before"),
				staffId(rs, "recorded_by"), instant(rs, "started_at"), instant(rs, "ended_at"), caseId(rs, "case_id"),
				rs.getBoolean("unlink"), rs.getString("reason"), staffId(rs, "requested_by"),
				instant(rs, "requested_at"), CorrectionRequest.Status.valueOf(rs.getString("status")),
				staffId(rs, "decided_by"), instant(rs, "decided_at"), rs.getString("opinion"),
				rs.getObject("applied_version", Integer.class));
	}

	private static @Nullable CaseId caseId(ResultSet rs, String column) throws SQLException {
		var id = rs.getObject(column, UUID.class);
		return id == null ? null : new CaseId(id);
	}

	private static @Nullable StaffId staffId(ResultSet rs, String column) throws SQLException {
		var id = rs.getObject(column, UUID.class);
		return id == null ? null : new StaffId(id);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		var at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}
}
