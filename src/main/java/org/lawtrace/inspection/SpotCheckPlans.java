package org.lawtrace.inspection;

import static org.lawtrace.shared.DatabaseTime.instant;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The spot-check plans with their samples; plans are never deleted, a redraw replaces the last sample. */
@Repository
class SpotCheckPlans {

	/** The samples of the approved plans naming an inspector whose period takes in a day. */
	private static final String OPEN_TO = """
			from inspection_sample s
			join inspection_plan p on p.id = s.plan_id
			join inspection_plan_inspector i on i.plan_id = p.id
			where i.staff_id = ? and p.status = 'APPROVED' and p.period_from <= ? and p.review_until >= ?""";

	private final JdbcClient jdbc;

	SpotCheckPlans(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(SpotCheckPlan p) {
		jdbc.sql("""
				insert into inspection_plan (id, title, period_from, period_to, review_until, record_kinds, sample_size,
				  sample_percent, status, defined_by, defined_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(p.id(), p.title(), p.from(), p.to(), p.reviewUntil(),
					p.kinds().stream().map(Enum::name).sorted().collect(Collectors.joining(",")), p.sampleSize(),
					p.samplePercent(), p.status().name(), p.definedBy().id(), at(p.definedAt()))
			.update();
		p.units().forEach(u -> jdbc.sql("insert into inspection_plan_unit (plan_id, unit_id) values (?, ?)")
			.params(p.id(), u.id()).update());
		p.officers().forEach(o -> jdbc.sql("insert into inspection_plan_officer (plan_id, staff_id) values (?, ?)")
			.params(p.id(), o.id()).update());
		p.inspectors().forEach(i -> jdbc.sql("insert into inspection_plan_inspector (plan_id, staff_id) values (?, ?)")
			.params(p.id(), i.id()).update());
		for (var i = 0; i < p.checklist().size(); i++) {
			jdbc.sql("insert into inspection_plan_item (plan_id, position, text) values (?, ?, ?)")
				.params(p.id(), i + 1, p.checklist().get(i)).update();
		}
	}

	Optional<SpotCheckPlan> byId(UUID id) {
		return jdbc.sql("select * from inspection_plan where id = ?").param(id).query((rs, n) -> row(rs)).optional()
			.map(this::complete);
	}

	/** Every plan, newest first. */
	List<SpotCheckPlan> all() {
		return jdbc.sql("select * from inspection_plan order by defined_at desc, id").query((rs, n) -> row(rs)).list()
			.stream().map(this::complete).toList();
	}

	/** The approved plans naming {@code inspector}. */
	List<SpotCheckPlan> approvedFor(StaffId inspector) {
		return jdbc.sql("""
				select p.* from inspection_plan p join inspection_plan_inspector i on i.plan_id = p.id
				where i.staff_id = ? and p.status = 'APPROVED' order by p.review_until, p.id""")
			.param(inspector.id()).query((rs, n) -> row(rs)).list().stream().map(this::complete).toList();
	}

	/** Replaces the plan's sample with a new draw. */
	void drawn(UUID plan, long seed, StaffId by, Instant at, Sampler.Drawn drawn) {
		jdbc.sql("delete from inspection_sample where plan_id = ?").param(plan).update();
		jdbc.sql("delete from inspection_stratum where plan_id = ?").param(plan).update();
		jdbc.sql("""
				update inspection_plan set status = 'DRAWN', seed = ?, drawn_by = ?, drawn_at = ?, draws = draws + 1
				where id = ?""").params(seed, by.id(), at(at), plan).update();
		var position = 1;
		for (var c : drawn.sample()) {
			jdbc.sql("""
					insert into inspection_sample (plan_id, position, record_kind, record_id, stratum_unit, stratum_kind,
					  officer) values (?, ?, 'RECORDING', ?, ?, ?, ?)""")
				.params(plan, position++, c.recordId(), c.unit().id(), c.kind().name(), c.officer().id()).update();
		}
		for (var s : drawn.strata()) {
			jdbc.sql("insert into inspection_stratum (plan_id, unit_id, kind, candidates, drawn) values (?, ?, ?, ?, ?)")
				.params(plan, s.unit().id(), s.kind().name(), s.candidates(), s.drawn()).update();
		}
	}

	void approved(UUID plan, StaffId by, Instant at) {
		jdbc.sql("update inspection_plan set status = 'APPROVED', approved_by = ?, approved_at = ? where id = ?")
			.params(by.id(), at(at), plan).update();
	}

	List<SampledRecord> sample(UUID plan) {
		return jdbc.sql("select * from inspection_sample where plan_id = ? order by position").param(plan)
			.query((rs, n) -> new SampledRecord(plan, rs.getInt("position"), rs.getObject("record_id", UUID.class),
					RecordKind.valueOf(rs.getString("stratum_kind")), new UnitId(rs.getObject("stratum_unit", UUID.class)),
					new StaffId(rs.getObject("officer", UUID.class))))
			.list();
	}

	Optional<SampledRecord> sampled(UUID plan, UUID record) {
		return sample(plan).stream().filter(s -> s.recordId().equals(record)).findFirst();
	}

	List<Stratum> strata(UUID plan) {
		return jdbc.sql("select * from inspection_stratum where plan_id = ? order by unit_id, kind").param(plan)
			.query((rs, n) -> new Stratum(new UnitId(rs.getObject("unit_id", UUID.class)),
					RecordKind.valueOf(rs.getString("kind")), rs.getInt("candidates"), rs.getInt("drawn")))
			.list();
	}

	/**
	 * The records approved plans open to {@code inspector} on {@code day}: approved, naming them, with
	 * {@code day} not after the plan's review period.
	 */
	List<UUID> openTo(StaffId inspector, LocalDate day) {
		return jdbc.sql("select s.record_id " + OPEN_TO).params(inspector.id(), day, day).query(UUID.class).list();
	}

	/** Whether an approved plan opens this one record to the inspector on the day: one row looked for, not all. */
	boolean opens(StaffId inspector, UUID record, LocalDate day) {
		return jdbc.sql("select count(*) " + OPEN_TO + " and s.record_id = ?")
			.params(inspector.id(), day, day, record).query(Long.class).single() > 0;
	}

	private SpotCheckPlan complete(Head h) {
		var units = jdbc.sql("select unit_id from inspection_plan_unit where plan_id = ? order by unit_id").param(h.id())
			.query(UUID.class).list().stream().map(UnitId::new).toList();
		var officers = staffOf("inspection_plan_officer", h.id());
		var inspectors = staffOf("inspection_plan_inspector", h.id());
		var items = jdbc.sql("select text from inspection_plan_item where plan_id = ? order by position").param(h.id())
			.query(String.class).list();
		return new SpotCheckPlan(h.id(), h.title(), h.from(), h.to(), h.reviewUntil(), h.kinds(), h.size(), h.percent(),
				units, officers, inspectors, items, h.status(), h.definedBy(), h.definedAt(), h.seed(), h.drawnBy(),
				h.drawnAt(), h.draws(), h.approvedBy(), h.approvedAt());
	}

	private List<StaffId> staffOf(String table, UUID plan) {
		return jdbc.sql("select staff_id from " + table + " where plan_id = ? order by staff_id").param(plan)
			.query(UUID.class).list().stream().map(StaffId::new).toList();
	}

	private record Head(UUID id, String title, LocalDate from, LocalDate to, LocalDate reviewUntil,
			java.util.Set<RecordKind> kinds, @Nullable Integer size, @Nullable Integer percent,
			SpotCheckPlan.Status status, StaffId definedBy, Instant definedAt, @Nullable Long seed,
			@Nullable StaffId drawnBy, @Nullable Instant drawnAt, int draws, @Nullable StaffId approvedBy,
			@Nullable Instant approvedAt) {
	}

	private static Head row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Head(rs.getObject("id", UUID.class), rs.getString("title"),
				rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
				rs.getObject("review_until", LocalDate.class),
				Arrays.stream(rs.getString("record_kinds").split(",")).map(RecordKind::valueOf)
					.collect(Collectors.toSet()),
				(Integer) rs.getObject("sample_size", Integer.class), rs.getObject("sample_percent", Integer.class),
				SpotCheckPlan.Status.valueOf(rs.getString("status")), staff(rs, "defined_by"),
				instant(rs.getObject("defined_at", OffsetDateTime.class)), rs.getObject("seed", Long.class),
				nullableStaff(rs, "drawn_by"), nullableInstant(rs, "drawn_at"), rs.getInt("draws"),
				nullableStaff(rs, "approved_by"), nullableInstant(rs, "approved_at"));
	}

	private static StaffId staff(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		return new StaffId(rs.getObject(column, UUID.class));
	}

	private static @Nullable StaffId nullableStaff(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		var id = rs.getObject(column, UUID.class);
		return id == null ? null : new StaffId(id);
	}

	private static @Nullable Instant nullableInstant(java.sql.ResultSet rs, String column)
			throws java.sql.SQLException {
		var at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}

	static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
