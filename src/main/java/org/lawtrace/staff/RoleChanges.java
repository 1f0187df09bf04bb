package org.lawtrace.staff;

import static org.lawtrace.shared.DatabaseTime.instant;
import static org.lawtrace.shared.DatabaseTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.StaffId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Role changes waiting for the director, and the decided ones, kept for the record. */
@Repository
class RoleChanges {

	private final JdbcClient jdbc;

	RoleChanges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(RoleChange change) {
		jdbc.sql("""
				insert into staff_role_change (id, staff_id, roles, requested_by, requested_at, status)
				values (?, ?, ?, ?, ?, ?)""")
			.params(change.id(), change.staffId().id(), names(change), change.requestedBy().id(),
					utc(change.requestedAt()), change.status().name())
			.update();
	}

	/** Records the decision on a pending change; answers false if it was no longer pending. */
	boolean decide(UUID id, RoleChange.Status status, StaffId decidedBy, Instant decidedAt, @Nullable String reason) {
		return jdbc.sql("update staff_role_change set status = ?, decided_by = ?, decided_at = ?, reason = ? "
				+ "where id = ? and status = 'PENDING'")
			.params(status.name(), decidedBy.id(), utc(decidedAt), reason, id)
			.update() == 1;
	}

	Optional<RoleChange> byId(UUID id) {
		return jdbc.sql("select * from staff_role_change where id = ?").param(id).query(this::change).optional();
	}

	List<RoleChange> pendingFor(StaffId staff) {
		return jdbc.sql("select * from staff_role_change where staff_id = ? and status = 'PENDING'")
			.param(staff.id()).query(this::change).list();
	}

	/** Pending changes, oldest first, then those decided since {@code since}, newest first. */
	List<RoleChange> pendingAndDecidedSince(Instant since) {
		var pending = jdbc.sql("select * from staff_role_change where status = 'PENDING' order by requested_at")
			.query(this::change).list();
		var decided = jdbc.sql("select * from staff_role_change where status <> 'PENDING' and decided_at >= ? "
				+ "order by decided_at desc").param(utc(since)).query(this::change).list();
		return java.util.stream.Stream.concat(pending.stream(), decided.stream()).toList();
	}

	List<RoleChange> withStatus(RoleChange.Status status) {
		return jdbc.sql("select * from staff_role_change where status = ? order by requested_at")
			.param(status.name()).query(this::change).list();
	}

	private static String names(RoleChange change) {
		return change.roles().stream().sorted().map(Role::name).collect(Collectors.joining(","));
	}

	private RoleChange change(ResultSet rs, int row) throws SQLException {
		var roles = EnumSet.noneOf(Role.class);
		Arrays.stream(rs.getString("roles").split(",")).filter(s -> !s.isBlank()).map(Role::valueOf)
			.forEach(roles::add);
		var decidedBy = rs.getObject("decided_by", UUID.class);
		return new RoleChange(rs.getObject("id", UUID.class), new StaffId(rs.getObject("staff_id", UUID.class)), roles,
				new StaffId(rs.getObject("requested_by", UUID.class)),
				instant(rs.getObject("requested_at", OffsetDateTime.class)),
				RoleChange.Status.valueOf(rs.getString("status")), decidedBy == null ? null : new StaffId(decidedBy),
				instant(rs.getObject("decided_at", OffsetDateTime.class)), rs.getString("reason"));
	}
}
