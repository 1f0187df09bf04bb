package org.lawtrace.access;

import static org.lawtrace.shared.DatabaseTime.instant;
import static org.lawtrace.shared.DatabaseTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Access requests and the grants they became. Nothing is deleted: a decision or a revocation is written once, over
 * the state it was taken on, so two approvers deciding at once cannot both win.
 */
@Repository
class AccessRequests {

	private static final String LIVE = "status = 'APPROVED' and granted_until > ?";

	private final JdbcClient jdbc;

	AccessRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(AccessRequest r) {
		jdbc.sql("""
				insert into access_request (id, requester_id, requester_unit_id, case_id, scope, purpose, days, route,
					status, requested_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(r.id().id(), r.requester().id(), r.requesterUnit().id(), r.caseId().id(), r.scope().name(),
					r.purpose(), r.days(), r.route().name(), r.status().name(), utc(r.requestedAt()))
			.update();
		for (var i = 0; i < r.records().size(); i++) {
			var record = r.records().get(i);
			jdbc.sql("insert into access_request_record (request_id, position, record_kind, record_id) values (?, ?, ?, ?)")
				.params(r.id().id(), i, record.kind().name(), record.id())
				.update();
		}
	}

	/** Writes a decision taken on a pending request; false when someone else decided it first. */
	boolean decide(AccessRequest r) {
		return jdbc.sql("""
				update access_request set status = ?, decided_by = ?, decided_at = ?, opinion = ?, granted_until = ?
				where id = ? and status = 'PENDING'""")
			.params(r.status().name(), r.decidedBy().id(), utc(r.decidedAt()), r.opinion(),
					r.grantedUntil() == null ? null : utc(r.grantedUntil()), r.id().id())
			.update() == 1;
	}

	/** Writes a revocation of an approved request; false when it was revoked meanwhile. */
	boolean revoke(AccessRequest r) {
		return jdbc.sql("""
				update access_request set status = 'REVOKED', revoked_by = ?, revoked_at = ?, revocation_reason = ?
				where id = ? and status = 'APPROVED'""")
			.params(r.revokedBy().id(), utc(r.revokedAt()), r.revocationReason(), r.id().id())
			.update() == 1;
	}

	Optional<AccessRequest> byId(AccessRequestId id) {
		return jdbc.sql("select * from access_request where id = ?").param(id.id()).query(this::map).optional();
	}

	List<AccessRequest> byRequester(StaffId requester, int limit) {
		return jdbc.sql("select * from access_request where requester_id = ? order by requested_at desc limit " + limit)
			.param(requester.id())
			.query(this::map)
			.list();
	}

	List<AccessRequest> pending(AccessRequest.Route route) {
		return jdbc.sql("select * from access_request where status = 'PENDING' and route = ? order by requested_at")
			.param(route.name())
			.query(this::map)
			.list();
	}

	/** Requests decided by {@code approver}, newest first. */
	List<AccessRequest> decidedBy(StaffId approver, int limit) {
		return jdbc.sql("select * from access_request where decided_by = ? order by decided_at desc limit " + limit)
			.param(approver.id())
			.query(this::map)
			.list();
	}

	/** Grants of {@code grantee} in force at {@code now} whose scope may take in a record of this case or this record. */
	List<AccessRequest> liveOf(StaffId grantee, RecordRef record, @Nullable CaseId recordCase, Instant now) {
		return jdbc.sql("select * from access_request where requester_id = ? and " + LIVE + " and " + covering(recordCase))
			.params(coveringParams(List.of(grantee.id(), utc(now)), record, recordCase))
			.query(this::map)
			.list();
	}

	/** The requests of {@code requester} still waiting for a decision or granting now: what may yet open records. */
	List<AccessRequest> pendingOrLiveOf(StaffId requester, Instant now) {
		return jdbc.sql("select * from access_request where requester_id = ? and (status = 'PENDING' or (" + LIVE + "))")
			.params(requester.id(), utc(now))
			.query(this::map)
			.list();
	}

	/** Every grant of {@code grantee} in force at {@code now}, whatever it opens. */
	List<AccessRequest> liveOf(StaffId grantee, Instant now) {
		return jdbc.sql("select * from access_request where requester_id = ? and " + LIVE)
			.params(grantee.id(), utc(now))
			.query(this::map)
			.list();
	}

	/** Everyone's grants in force at {@code now} that take in this record. */
	List<AccessRequest> liveOn(RecordRef record, @Nullable CaseId recordCase, Instant now) {
		return jdbc.sql("select * from access_request where " + LIVE + " and " + covering(recordCase)
				+ " order by granted_until")
			.params(coveringParams(List.of(utc(now)), record, recordCase))
			.query(this::map)
			.list();
	}

	/** Grants in force at {@code now} on a whole case. */
	List<AccessRequest> liveOnCase(CaseId caseId, Instant now) {
		return jdbc.sql("select * from access_request where " + LIVE + " and scope = 'CASE' and case_id = ? order by granted_until")
			.params(utc(now), caseId.id())
			.query(this::map)
			.list();
	}

	// an unlinked record is in no case: no whole-case grant takes it in, and no null is bound for the database to type
	private static String covering(@Nullable CaseId recordCase) {
		var listed = "exists (select 1 from access_request_record l where l.request_id = access_request.id"
				+ " and l.record_kind = ? and l.record_id = ?)";
		return recordCase == null ? "scope = 'RECORDS' and " + listed
				: "((scope = 'CASE' and case_id = ?) or (scope = 'RECORDS' and " + listed + "))";
	}

	private static List<Object> coveringParams(List<Object> first, RecordRef record, @Nullable CaseId recordCase) {
		var params = new ArrayList<Object>(first);
		if (recordCase != null) {
			params.add(recordCase.id());
		}
		params.add(record.kind().name());
		params.add(record.id());
		return params;
	}

	private List<RecordRef> records(UUID requestId) {
		return jdbc.sql("select record_kind, record_id from access_request_record where request_id = ? order by position")
			.param(requestId)
			.query((rs, n) -> new RecordRef(RecordRef.Kind.valueOf(rs.getString("record_kind")),
					rs.getObject("record_id", UUID.class)))
			.list();
	}

	private AccessRequest map(ResultSet rs, int row) throws SQLException {
		var id = rs.getObject("id", UUID.class);
		var scope = AccessRequest.Scope.valueOf(rs.getString("scope"));
		return new AccessRequest(new AccessRequestId(id), new StaffId(rs.getObject("requester_id", UUID.class)),
				new UnitId(rs.getObject("requester_unit_id", UUID.class)),
				new CaseId(rs.getObject("case_id", UUID.class)), scope,
				scope == AccessRequest.Scope.RECORDS ? records(id) : List.of(), rs.getString("purpose"),
				rs.getInt("days"), AccessRequest.Route.valueOf(rs.getString("route")),
				AccessRequest.Status.valueOf(rs.getString("status")),
				instant(rs.getObject("requested_at", OffsetDateTime.class)), staff(rs, "decided_by"),
				instant(rs.getObject("decided_at", OffsetDateTime.class)), rs.getString("opinion"),
				instant(rs.getObject("granted_until", OffsetDateTime.class)), staff(rs, "revoked_by"),
				instant(rs.getObject("revoked_at", OffsetDateTime.class)), rs.getString("revocation_reason"));
	}

	private static @Nullable StaffId staff(ResultSet rs, String column) throws SQLException {
		var id = rs.getObject(column, UUID.class);
		return id == null ? null : new StaffId(id);
	}
}
