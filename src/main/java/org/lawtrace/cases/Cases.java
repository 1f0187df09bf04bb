package org.lawtrace.cases;

import static org.lawtrace.shared.DatabaseTime.utc;
import static org.lawtrace.shared.DatabaseTime.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.CaseNumber;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Enforcement cases; cases are closed, never deleted. */
@Repository
class Cases {

	private final JdbcClient jdbc;

	Cases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Case c) {
		jdbc.sql("""
				insert into cases_case (id, case_number, kind, procedure, title, handling_unit_id, major, status,
				    opened_at, opened_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(c.id().id(), c.caseNumber().value(), c.kind().name(), c.procedure().name(), c.title(),
					c.handlingUnit().id(), c.major(), c.status().name(), utc(c.openedAt()), c.openedBy().id())
			.update();
		for (var i = 0; i < c.handlers().size(); i++) {
			jdbc.sql("insert into cases_handler (case_id, staff_id, position) values (?, ?, ?)")
				.params(c.id().id(), c.handlers().get(i).id(), i).update();
		}
		for (var i = 0; i < c.parties().size(); i++) {
			var p = c.parties().get(i);
			jdbc.sql("insert into cases_party (case_id, position, kind, name, id_number) values (?, ?, ?, ?, ?)")
				.params(c.id().id(), i, p.kind().name(), p.name(), p.idNumber()).update();
		}
	}

	/** Records the closing, if the case is still open; answers whether it was. */
	boolean close(Case closed) {
		return jdbc.sql("update cases_case set status = ?, closed_on = ?, closed_at = ?, closed_by = ? "
				+ "where id = ? and status = 'OPEN'")
			.params(closed.status().name(), closed.closedOn(), utc(closed.closedAt()), closed.closedBy().id(),
					closed.id().id())
			.update() == 1;
	}

	boolean numberTaken(CaseNumber number) {
		return jdbc.sql("select count(*) from cases_case where case_number = ?").param(number.value())
			.query(Integer.class).single() > 0;
	}

	/**
	 * The numbers starting with {@code before} and ending with {@code after} with the highest running numbers
	 * between: running numbers carry no leading zeros, so the longest and then the last in order are the highest.
	 */
	List<String> highestNumbers(String before, String after, int limit) {
		return jdbc.sql("select case_number from cases_case where case_number like ?"
				+ " order by length(case_number) desc, case_number desc fetch first " + limit + " rows only")
			.param(before + "%" + after)
			.query(String.class).list();
	}

	Optional<Case> byId(CaseId id) {
		return complete(jdbc.sql("select * from cases_case where id = ?").param(id.id()).query(Cases::map).list())
			.stream().findFirst();
	}

	/** The ids of the open cases {@code handler} is a handler of. */
	List<CaseId> openHandledBy(StaffId handler) {
		return jdbc.sql("select c.id from cases_case c join cases_handler h on h.case_id = c.id "
				+ "where h.staff_id = ? and c.status = 'OPEN'")
			.param(handler.id())
			.query((rs, row) -> new CaseId(rs.getObject(1, UUID.class)))
			.list();
	}

	CasePage search(CaseQuery q, @Nullable StaffId handler, ZoneId zone) {
		var where = new StringBuilder(" where 1 = 1");
		var params = new HashMap<String, Object>();
		if (q.number() != null && !q.number().isBlank()) {
			where.append(" and c.case_number like :number");
			params.put("number", "%" + CaseNumber.normalised(q.number()) + "%");
		}
		if (q.party() != null && !q.party().isBlank()) {
			where.append(" and exists (select 1 from cases_party p where p.case_id = c.id"
					+ " and (p.name like :party or p.id_number = :partyId))");
			params.put("party", "%" + q.party().strip() + "%");
			params.put("partyId", q.party().strip().toUpperCase(java.util.Locale.ROOT));
		}
		if (handler != null) {
			where.append(" and exists (select 1 from cases_handler h where h.case_id = c.id and h.staff_id = :handler)");
			params.put("handler", handler.id());
		}
		if (q.openedFrom() != null) {
			where.append(" and c.opened_at >= :from");
			params.put("from", q.openedFrom().atStartOfDay(zone).toOffsetDateTime());
		}
		if (q.openedTo() != null) {
			where.append(" and c.opened_at < :to");
			params.put("to", q.openedTo().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
		}
		if (q.status() != null) {
			where.append(" and c.status = :status");
			params.put("status", q.status().name());
		}
		if (q.kind() != null) {
			where.append(" and c.kind = :kind");
			params.put("kind", q.kind().name());
		}
		var total = jdbc.sql("select count(*) from cases_case c" + where).params(params).query(Long.class).single();
		params.put("limit", q.size());
		params.put("offset", (long) q.page() * q.size());
		var items = jdbc.sql("select c.* from cases_case c" + where
				+ " order by c.opened_at desc, c.case_number limit :limit offset :offset")
			.params(params).query(Cases::map).list();
		return new CasePage(complete(items), total, q.page(), q.size());
	}

	private List<Case> complete(List<Case> cases) {
		if (cases.isEmpty()) {
			return cases;
		}
		var ids = cases.stream().map(c -> c.id().id()).toList();
		Map<UUID, List<StaffId>> handlers = jdbc.sql(
				"select case_id, staff_id from cases_handler where case_id in (:ids) order by case_id, position")
			.param("ids", ids)
			.query((rs, row) -> Map.entry(rs.getObject("case_id", UUID.class),
					new StaffId(rs.getObject("staff_id", UUID.class))))
			.list().stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		Map<UUID, List<Party>> parties = jdbc.sql(
				"select * from cases_party where case_id in (:ids) order by case_id, position")
			.param("ids", ids)
			.query((rs, row) -> Map.entry(rs.getObject("case_id", UUID.class),
					new Party(Party.Kind.valueOf(rs.getString("kind")), rs.getString("name"),
							rs.getString("id_number"))))
			.list().stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		var complete = new ArrayList<Case>(cases.size());
		for (var c : cases) {
			complete.add(new Case(c.id(), c.caseNumber(), c.kind(), c.procedure(), c.title(), c.handlingUnit(),
					c.major(), c.status(), handlers.getOrDefault(c.id().id(), List.of()),
					parties.getOrDefault(c.id().id(), List.of()), c.openedAt(), c.openedBy(), c.closedOn(),
					c.closedAt(), c.closedBy()));
		}
		return complete;
	}

	private static Case map(ResultSet rs, int row) throws SQLException {
		var closedBy = rs.getObject("closed_by", UUID.class);
		return new Case(new CaseId(rs.getObject("id", UUID.class)), new CaseNumber(rs.getString("case_number")),
				CaseKind.valueOf(rs.getString("kind")), Procedure.valueOf(rs.getString("procedure")),
				rs.getString("title"), new UnitId(rs.getObject("handling_unit_id", UUID.class)),
				rs.getBoolean("major"), Case.Status.valueOf(rs.getString("status")), List.of(), List.of(),
				instant(rs.getObject("opened_at", OffsetDateTime.class)),
				new StaffId(rs.getObject("opened_by", UUID.class)), rs.getObject("closed_on", LocalDate.class),
				instant(rs.getObject("closed_at", OffsetDateTime.class)),
				closedBy == null ? null : new StaffId(closedBy));
	}



}
