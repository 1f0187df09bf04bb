package org.lawtrace.cases;

import static org.lawtrace.shared.DatabaseTime.instant;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.CaseOutline.StageOutline;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.CaseNumber;
import org.lawtrace.shared.Cursors;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.StageId;
import org.lawtrace.shared.UnitId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases module's bulk reads: cases in id order, in ranges, a handful of set-based queries per range instead of
 * several per case, so a module that looks at every case (a full compliance re-evaluation of 100,000 cases) asks
 * here instead of reading this module's tables.
 */
@Repository
@Transactional(readOnly = true)
public class CaseOutlines {

	private final JdbcClient jdbc;
	private final JdbcTemplate cursors;

	CaseOutlines(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.cursors = Cursors.template(dataSource);
	}

	/**
	 * Every case in id order, read as the caller walks it (two streamed queries, {@link Cursors}): a full compliance
	 * re-evaluation reads the cases in one pass, as one SQL pass would, instead of a round of index lookups per range.
	 * Call it inside a read-only, repeatable-read transaction and close the stream.
	 */
	public Stream<CaseOutline> all() {
		// handlers and parties joined as aggregates (hash joins), not looked up case by case
		var cases = cursors.queryForStream("""
				select c.id, c.case_number, c.title, c.status, c.kind, c.handling_unit_id, c.opened_at,
				       p.parties, h.handlers
				from cases_case c
				left join (select case_id, count(*) as parties from cases_party group by case_id) p on p.case_id = c.id
				left join (select case_id, array_agg(staff_id order by position) as handlers from cases_handler
				           group by case_id) h on h.case_id = c.id
				order by c.id""", (rs, n) -> new CaseRow(rs.getObject("id", UUID.class),
				new CaseNumber(rs.getString("case_number")), rs.getString("title"), "OPEN".equals(rs.getString("status")),
				CaseKind.valueOf(rs.getString("kind")), new UnitId(rs.getObject("handling_unit_id", UUID.class)),
				instant(rs.getObject("opened_at", OffsetDateTime.class)), rs.getLong("parties") > 0,
				staff(rs.getArray("handlers"))));
		var stages = cursors.queryForStream("""
				select s.id, s.case_id, s.kind, s.started_at, s.ended_at, sp.present
				from cases_stage s
				left join (select stage_id, array_agg(staff_id) as present from cases_stage_present group by stage_id) sp
				       on sp.stage_id = s.id
				order by s.case_id, s.started_at""", (rs, n) -> new StageRow(rs.getObject("id", UUID.class),
				rs.getObject("case_id", UUID.class), StageKind.valueOf(rs.getString("kind")),
				instant(rs.getObject("started_at", OffsetDateTime.class)),
				instant(rs.getObject("ended_at", OffsetDateTime.class)), staff(rs.getArray("present"))));
		var ofCase = new Cursors.Children<>(stages, StageRow::caseId);
		return cases.map(c -> new CaseOutline(new CaseId(c.id()), c.caseNumber(), c.title(), c.kind(), c.unit(),
				c.openedAt(), c.open(), c.hasParty(), c.handlers(),
				ofCase.of(c.id()).stream()
					.map(st -> new StageOutline(new StageId(st.id()), st.kind(), st.start(), st.end(), st.present()))
					.toList()))
			.onClose(stages::close);
	}

	/** Up to {@code limit} case ids after {@code after} (null: from the first), in id order. */
	public List<CaseId> idsAfter(@Nullable CaseId after, int limit) {
		var query = after == null
				? jdbc.sql("select id from cases_case order by id fetch first :limit rows only")
				: jdbc.sql("select id from cases_case where id > :after order by id fetch first :limit rows only")
					.param("after", after.id());
		return query.param("limit", limit).query(UUID.class).list().stream().map(CaseId::new).toList();
	}

	/**
	 * Up to {@code limit} ids of closed cases after {@code after} (null: from the first), in id order: what retention
	 * walks (ART-16), without loading the open cases that are most of a bureau's.
	 */
	public List<CaseId> closedIdsAfter(@Nullable CaseId after, int limit) {
		var query = after == null
				? jdbc.sql("select id from cases_case where status = 'CLOSED' order by id fetch first :limit rows only")
				: jdbc.sql("select id from cases_case where status = 'CLOSED' and id > :after order by id "
						+ "fetch first :limit rows only").param("after", after.id());
		return query.param("limit", limit).query(UUID.class).list().stream().map(CaseId::new).toList();
	}

	/** Every case with {@code first <= id <= last}, in id order. */
	public List<CaseOutline> between(CaseId first, CaseId last) {
		return outlines("between :first and :last", Map.of("first", first.id(), "last", last.id()));
	}

	/**
	 * These cases (those that exist), in id order: a page listing the documents or records of a person's hundred
	 * open cases reads their handlers and stages in three queries instead of two per case.
	 */
	public List<CaseOutline> of(Collection<CaseId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return outlines("in (:ids)", Map.of("ids", ids.stream().map(CaseId::id).distinct().toList()));
	}

	/** The cases whose id matches {@code idCondition} (a condition on a case id, with its named parameters). */
	private List<CaseOutline> outlines(String idCondition, Map<String, Object> params) {
		var cases = new LinkedHashMap<UUID, RangeRow>();
		jdbc.sql("""
				select c.id, c.case_number, c.title, c.status, c.kind, c.handling_unit_id, c.opened_at,
				       (select count(*) from cases_party p where p.case_id = c.id) as parties
				from cases_case c where c.id %s order by c.id""".formatted(idCondition))
			.params(params)
			.query((rs, n) -> cases.put(rs.getObject("id", UUID.class),
					new RangeRow(new CaseNumber(rs.getString("case_number")), rs.getString("title"),
							"OPEN".equals(rs.getString("status")), CaseKind.valueOf(rs.getString("kind")),
							new UnitId(rs.getObject("handling_unit_id", UUID.class)),
							instant(rs.getObject("opened_at", OffsetDateTime.class)), rs.getLong("parties") > 0)))
			.list();
		if (cases.isEmpty()) {
			return List.of();
		}
		var handlers = new HashMap<UUID, List<StaffId>>();
		jdbc.sql("select case_id, staff_id from cases_handler where case_id %s order by case_id, position"
				.formatted(idCondition))
			.params(params)
			.query((rs, n) -> handlers.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
				.add(new StaffId(rs.getObject(2, UUID.class))))
			.list();
		// who was present comes with each stage (an index lookup per stage inside the database), not in a second round
		// of queries by lists of stage ids
		var stageRows = jdbc.sql("""
				select s.id, s.case_id, s.kind, s.started_at, s.ended_at,
				       (select array_agg(sp.staff_id) from cases_stage_present sp where sp.stage_id = s.id) as present
				from cases_stage s where s.case_id %s order by s.case_id, s.started_at""".formatted(idCondition))
			.params(params)
			.query((rs, n) -> new StageRow(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
					StageKind.valueOf(rs.getString("kind")), instant(rs.getObject("started_at", OffsetDateTime.class)),
					instant(rs.getObject("ended_at", OffsetDateTime.class)), staff(rs.getArray("present"))))
			.list();
		var stages = new HashMap<UUID, List<StageOutline>>();
		for (var st : stageRows) {
			stages.computeIfAbsent(st.caseId(), k -> new ArrayList<>())
				.add(new StageOutline(new StageId(st.id()), st.kind(), st.start(), st.end(),
						st.present()));
		}
		var outlines = new ArrayList<CaseOutline>(cases.size());
		cases.forEach((id, c) -> outlines.add(new CaseOutline(new CaseId(id), c.caseNumber(), c.title(), c.kind(),
				c.unit(), c.openedAt(), c.open(), c.hasParty(), handlers.getOrDefault(id, List.of()), stages.getOrDefault(id, List.of()))));
		return outlines;
	}

	/** The ids in an array a query aggregated ({@code array_agg}), none when it aggregated no rows. */
	private static List<StaffId> staff(java.sql.@Nullable Array ids) throws java.sql.SQLException {
		if (ids == null) {
			return List.of();
		}
		var people = new ArrayList<StaffId>();
		for (var id : (Object[]) ids.getArray()) {
			people.add(new StaffId((UUID) id));
		}
		return people;
	}

	private record CaseRow(UUID id, CaseNumber caseNumber, String title, boolean open, CaseKind kind, UnitId unit,
			Instant openedAt, boolean hasParty, List<StaffId> handlers) {
	}

	private record RangeRow(CaseNumber caseNumber, String title, boolean open, CaseKind kind, UnitId unit, Instant openedAt, boolean hasParty) {
	}

	private record StageRow(UUID id, UUID caseId, StageKind kind, Instant start, @Nullable Instant end, List<StaffId> present) {
	}
}
