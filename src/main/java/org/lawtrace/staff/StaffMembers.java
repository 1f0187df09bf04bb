package org.lawtrace.staff;

import static org.lawtrace.shared.DatabaseTime.utc;
import static org.lawtrace.shared.DatabaseTime.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Staff members with their roles and the state of their accounts; staff are never deleted, only disabled. */
@Repository
class StaffMembers {

	private final JdbcClient jdbc;

	StaffMembers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(StaffMember member, @Nullable String passwordHash, boolean passwordChangeRequired, Instant createdAt) {
		jdbc.sql("""
				insert into staff_member (id, username, name, staff_number, unit_id, permanent, enabled,
				    password_hash, password_change_required, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(member.id().id(), member.username(), member.name(), member.staffNumber(), member.unitId().id(),
					member.permanent(), member.enabled(), passwordHash, passwordChangeRequired, utc(createdAt))
			.update();
		for (var role : member.roles()) {
			jdbc.sql("insert into staff_role (staff_id, role) values (?, ?)").params(member.id().id(), role.name())
				.update();
		}
	}

	Optional<StaffMember> byUsername(String username) {
		return one("where m.username = ?", username);
	}

	Optional<StaffMember> byId(StaffId id) {
		return one("where m.id = ?", id.id());
	}

	List<StaffMember> all() {
		return withRoles(jdbc.sql("select * from staff_member m order by m.staff_number").query(this::member).list());
	}

	List<StaffMember> byIds(Collection<StaffId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		var uuids = ids.stream().map(StaffId::id).toList();
		return withRoles(jdbc.sql("select * from staff_member m where m.id in (:ids)").param("ids", uuids)
			.query(this::member).list());
	}

	Optional<Account> account(String username) {
		return jdbc.sql("select id, username, password_hash, enabled, failed_logins, locked_until, "
				+ "password_change_required from staff_member "
				+ "where username = ?")
			.param(username)
			.query((rs, row) -> new Account(new StaffId(rs.getObject("id", UUID.class)), rs.getString("username"),
					rs.getString("password_hash"), rs.getBoolean("enabled"), rs.getInt("failed_logins"),
					instant(rs.getObject("locked_until", OffsetDateTime.class)),
					rs.getBoolean("password_change_required")))
			.optional();
	}

	/** Clears a lock of the whole account and its old failure count. */
	void unlock(String username) {
		jdbc.sql("update staff_member set failed_logins = 0, locked_until = null where username = ?")
			.param(username).update();
	}

	void setEnabled(StaffId id, boolean enabled) {
		jdbc.sql("update staff_member set enabled = ? where id = ?").params(enabled, id.id()).update();
	}

	/**
	 * The login names of accounts refused sign-ins now: the whole account locked, or any address refused for it.
	 */
	Set<String> lockedAt(Instant now) {
		var locked = new java.util.TreeSet<String>(jdbc.sql("select username from staff_member where locked_until > ?")
			.param(utc(now)).query(String.class).list());
		locked.addAll(jdbc.sql("select distinct username from staff_login_failure where refused_until > ?")
			.param(utc(now)).query(String.class).list());
		return locked;
	}

	void addRoles(StaffId id, java.util.Set<Role> roles) {
		for (var role : roles) {
			jdbc.sql("insert into staff_role (staff_id, role) select ?, ? where not exists "
					+ "(select 1 from staff_role where staff_id = ? and role = ?)")
				.params(id.id(), role.name(), id.id(), role.name()).update();
		}
	}

	void removeRoles(StaffId id, java.util.Set<Role> roles) {
		for (var role : roles) {
			jdbc.sql("delete from staff_role where staff_id = ? and role = ?").params(id.id(), role.name()).update();
		}
	}

	void changePassword(StaffId id, String passwordHash, boolean changeRequired) {
		jdbc.sql("update staff_member set password_hash = ?, password_change_required = ? where id = ?")
			.params(passwordHash, changeRequired, id.id()).update();
	}

	boolean staffNumberTaken(String staffNumber) {
		return jdbc.sql("select count(*) from staff_member where staff_number = ?").param(staffNumber)
			.query(Integer.class).single() > 0;
	}

	int countStaffNumbersStartingWith(String prefix) {
		return jdbc.sql("select count(*) from staff_member where staff_number like ?").param(prefix + "%")
			.query(Integer.class).single();
	}

	private Optional<StaffMember> one(String where, Object param) {
		return withRoles(jdbc.sql("select * from staff_member m " + where).param(param).query(this::member).list())
			.stream().findFirst();
	}

	private List<StaffMember> withRoles(List<StaffMember> members) {
		if (members.isEmpty()) {
			return members;
		}
		var ids = members.stream().map(m -> m.id().id()).toList();
		Map<UUID, Set<Role>> roles = jdbc.sql("select staff_id, role from staff_role where staff_id in (:ids)")
			.param("ids", ids)
			.query((rs, row) -> Map.entry(rs.getObject("staff_id", UUID.class), Role.valueOf(rs.getString("role"))))
			.list().stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toCollection(() -> EnumSet.noneOf(Role.class)))));
		return members.stream()
			.map(m -> new StaffMember(m.id(), m.username(), m.name(), m.staffNumber(), m.unitId(), m.permanent(),
					roles.getOrDefault(m.id().id(), Set.of()), m.enabled()))
			.toList();
	}

	private StaffMember member(ResultSet rs, int row) throws SQLException {
		return new StaffMember(new StaffId(rs.getObject("id", UUID.class)), rs.getString("username"),
				rs.getString("name"), rs.getString("staff_number"), new UnitId(rs.getObject("unit_id", UUID.class)),
				rs.getBoolean("permanent"), Set.of(), rs.getBoolean("enabled"));
	}


}
