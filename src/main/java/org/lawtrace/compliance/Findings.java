package org.lawtrace.compliance;

import static org.lawtrace.shared.DatabaseTime.instant;
import static org.lawtrace.shared.DatabaseTime.utc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.CaseOutline;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.StageId;
import org.lawtrace.shared.StaffId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The findings and each case's light. Findings are never deleted: a gap that closes is resolved with its time and
 * resolution, so "since when" and "fixed when" survive every re-evaluation. Writes come in batches.
 */
@Repository
class Findings {

	private static final String COLUMNS = "id, case_id, stage_id, record_kind, record_id, finding_key, rule_id, article, severity, "
			+ "detail, deadline, rule_pack_version, found_at, judged_at, resolved_at, resolution";

	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;

	Findings(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	List<Finding> openBetween(UUID first, UUID last) {
		return jdbc.sql("select " + COLUMNS + " from compliance_finding where case_id between ? and ? and resolved_at is null")
			.params(first, last).query(Findings::map).list();
	}

	/** Marks findings just resolved as cleared by their own recorder's correction (Chapter 8). */
	void markOwnCorrection(Collection<UUID> ids, StaffId recorder) {
		batch.batchUpdate("update compliance_finding set cleared_by_own_correction = ? where id = ?", ids, 1000,
				(ps, id) -> {
					ps.setObject(1, recorder.id());
					ps.setObject(2, id);
				});
	}

	/** Findings cleared by their own recorders' corrections, the latest first. */
	List<SelfClearedFinding> selfCleared(int limit) {
		return jdbc.sql("select " + COLUMNS.replaceAll("(\\w+)", "f.$1") + ", f.cleared_by_own_correction, c.case_number "
				+ "from compliance_finding f left join compliance_case c on c.case_id = f.case_id "
				+ "where f.cleared_by_own_correction is not null order by f.resolved_at desc limit ?")
			.param(limit)
			.query((rs, n) -> new SelfClearedFinding(map(rs, n),
					new StaffId(rs.getObject("cleared_by_own_correction", UUID.class)),
					rs.getString("case_number") == null ? "" : rs.getString("case_number")))
			.list();
	}

	/** The pack each case of a range is judged under (Chapter 8), where one was set. */
	Map<UUID, String> packDigestsBetween(UUID first, UUID last) {
		var digests = new HashMap<UUID, String>();
		jdbc.sql("select case_id, rule_pack_digest from compliance_case where case_id between ? and ? "
				+ "and rule_pack_digest is not null")
			.params(first, last)
			.query((rs, n) -> digests.put(rs.getObject(1, UUID.class), rs.getString(2).strip()))
			.list();
		return digests;
	}

	/** Sets the pack of cases judged for the first time (or first since packs were kept); never changes it after. */
	void assignPack(Collection<UUID> cases, String digest) {
		batch.batchUpdate("update compliance_case set rule_pack_digest = ? where case_id = ? and rule_pack_digest is null",
				cases, 1000, (ps, id) -> {
					ps.setString(1, digest);
					ps.setObject(2, id);
				});
	}

	/** What the projection holds of each case evaluated before in a range, so a re-evaluation writes only changes. */
	Map<UUID, Kept> evaluatedBetween(UUID first, UUID last) {
		var kept = new HashMap<UUID, Kept>();
		jdbc.sql("select case_id, light, open_major, open_minor, rule_pack_version, case_number, title, "
				+ "handling_unit_id, opened_at, case_open, evaluated_at from compliance_case where case_id between ? and ?")
			.params(first, last)
			.query((rs, n) -> kept.put(rs.getObject("case_id", UUID.class),
					new Kept(Light.valueOf(rs.getString("light")), rs.getInt("open_major"), rs.getInt("open_minor"),
							rs.getString("rule_pack_version"), rs.getString("case_number"), rs.getString("title"),
							rs.getObject("handling_unit_id", UUID.class),
							instant(rs.getObject("opened_at", OffsetDateTime.class)),
							rs.getObject("case_open", Boolean.class),
							instant(rs.getObject("evaluated_at", OffsetDateTime.class)))))
			.list();
		return kept;
	}

	/** A case's row in the projection as last written (the outline's columns are null before V52 filled them). */
	record Kept(Light light, int major, int minor, String rulePackVersion, @Nullable String caseNumber,
			@Nullable String title, @Nullable UUID unit, @Nullable Instant openedAt, @Nullable Boolean open,
			Instant evaluatedAt) {

		/**
		 * Whether the case was judged after {@code readAt} (and not at a time still to come, as a clock moved back
		 * would leave it): that judgement read fresher facts than a full run's one pass read at {@code readAt}.
		 */
		boolean judgedSince(Instant readAt, Instant now) {
			return evaluatedAt.isAfter(readAt) && !evaluatedAt.isAfter(now);
		}

		/** Whether writing this light under this rule pack would leave the row as it is, but for its time. */
		boolean same(CaseLight c, String version) {
			var o = c.outline();
			return light == c.light() && major == c.major() && minor == c.minor() && rulePackVersion.equals(version)
					&& o.caseNumber().value().equals(caseNumber) && o.title().equals(title)
					&& o.unit().id().equals(unit) && o.openedAt().equals(openedAt)
					&& Boolean.valueOf(o.open()).equals(open);
		}
	}

	/** Every finding of a case, open ones first, then by severity and rule. */
	List<Finding> ofCase(CaseId caseId) {
		return jdbc.sql("select " + COLUMNS + " from compliance_finding where case_id = ? "
				+ "order by case when resolved_at is null then 0 else 1 end, severity, rule_id, found_at")
			.param(caseId.id()).query(Findings::map).list();
	}

	/** The open gaps (red and amber) in the open cases a person handles, the nearest deadline first. */
	List<Finding> openForHandler(StaffId handler, int limit) {
		return jdbc.sql("select " + COLUMNS.replaceAll("(\\w+)", "f.$1") + " from compliance_finding f "
				+ "join compliance_case_handler h on h.case_id = f.case_id join compliance_case c on c.case_id = f.case_id "
				+ "where h.staff_id = ? and f.resolved_at is null and f.severity <> 'NOTICE' and c.case_open "
				+ "order by f.deadline, f.severity, f.found_at fetch first " + limit + " rows only")
			.param(handler.id()).query(Findings::map).list();
	}

	/**
	 * ART-22 (1): open findings that a required recording is missing (the pack's AV rules, red), whose deadline passed
	 * before {@code day}, oldest deadline first.
	 */
	List<Finding> overdueMissingRecordings(LocalDate day, int limit) {
		return jdbc.sql("select " + COLUMNS + " from compliance_finding where resolved_at is null and severity = 'MAJOR' "
				+ "and rule_id like 'AV-%' and deadline < ? order by deadline, found_at fetch first " + limit + " rows only")
			.param(day).query(Findings::map).list();
	}

	/**
	 * The custodian's late-upload queue (ART-15.1, ART-13): open findings that a recording was stored after its
	 * deadline, and open findings that a required recording is still missing past its deadline, each with its case
	 * number; the newest first.
	 */
	List<Map.Entry<Finding, String>> lateUploads(LocalDate day, int limit) {
		return jdbc.sql("select " + COLUMNS.replaceAll("(\\w+)", "f.$1") + ", c.case_number from compliance_finding f "
				+ "join compliance_case c on c.case_id = f.case_id where " + LATE_UPLOAD
				+ " order by f.deadline desc, f.found_at desc fetch first " + limit + " rows only")
			.param("day", day)
			.query((rs, row) -> Map.entry(map(rs, row), String.valueOf(rs.getString("case_number")))).list();
	}

	long lateUploadCount(LocalDate day) {
		return jdbc.sql("select count(*) from compliance_finding f where " + LATE_UPLOAD).param("day", day)
			.query(Long.class).single();
	}

	/** The case numbers of these cases, as this module keeps them (none for a case not yet checked). */
	Map<CaseId, String> caseNumbersOf(Collection<CaseId> cases) {
		if (cases.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select case_id, case_number from compliance_case where case_id in (:ids) and case_number is not null")
			.param("ids", cases.stream().map(CaseId::id).distinct().toList())
			.query((rs, row) -> Map.entry(new CaseId(rs.getObject("case_id", UUID.class)), rs.getString("case_number")))
			.list().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** The handlers of these cases, as this module keeps them. */
	Map<CaseId, List<StaffId>> handlersOf(Collection<CaseId> cases) {
		if (cases.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select case_id, staff_id from compliance_case_handler where case_id in (:ids)")
			.param("ids", cases.stream().map(CaseId::id).distinct().toList())
			.query((rs, row) -> Map.entry(new CaseId(rs.getObject("case_id", UUID.class)),
					new StaffId(rs.getObject("staff_id", UUID.class))))
			.list().stream().collect(java.util.stream.Collectors.groupingBy(Map.Entry::getKey,
					java.util.stream.Collectors.mapping(Map.Entry::getValue, java.util.stream.Collectors.toList())));
	}

	/** Stored late (ART-15.1), or a required recording missing past its deadline (the pack's AV rules, red). */
	private static final String LATE_UPLOAD = "f.in_upload_queue and f.resolved_at is null "
			+ "and (f.article = 'ART-15.1' or f.deadline < :day)";

	/**
	 * Whether a finding belongs in the late-upload queue ({@link #LATE_UPLOAD}, kept with the row as
	 * {@code in_upload_queue} so that the queue is read by an index): stored late, or a required recording missing
	 * (red), the latter once its deadline passed.
	 */
	static boolean inUploadQueue(Finding f) {
		return "ART-15.1".equals(f.article()) || (f.severity() == Severity.MAJOR && f.ruleId().startsWith("AV-"));
	}

	void insert(Collection<Finding> findings) {
		batch.batchUpdate("insert into compliance_finding (" + COLUMNS + ", in_upload_queue) "
				+ "values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
				findings, 1000, (ps, f) -> {
					ps.setObject(1, f.id());
					ps.setObject(2, f.caseId().id());
					ps.setObject(3, f.stageId() == null ? null : f.stageId().id(), Types.OTHER);
					ps.setString(4, f.record() == null ? null : f.record().kind().name());
					ps.setObject(5, f.record() == null ? null : f.record().id(), Types.OTHER);
					ps.setString(6, f.key());
					ps.setString(7, f.ruleId());
					ps.setString(8, f.article());
					ps.setString(9, f.severity().name());
					ps.setString(10, clip(f.detail(), 1000));
					ps.setObject(11, f.deadline());
					ps.setString(12, f.rulePackVersion());
					ps.setObject(13, utc(f.foundAt()));
					ps.setObject(14, utc(f.judgedAt()));
					ps.setObject(15, null, Types.TIMESTAMP_WITH_TIMEZONE);
					ps.setObject(16, null, Types.VARCHAR);
					ps.setBoolean(17, inUploadQueue(f));
				});
	}

	/** Findings found again whose weight, wording, deadline or rule-pack version changed. */
	void rejudge(Collection<Finding> findings) {
		batch.batchUpdate("update compliance_finding set severity = ?, detail = ?, deadline = ?, rule_pack_version = ?, "
				+ "judged_at = ?, rule_id = ?, article = ?, in_upload_queue = ? where id = ?", findings, 1000, (ps, f) -> {
					ps.setString(1, f.severity().name());
					ps.setString(2, clip(f.detail(), 1000));
					ps.setObject(3, f.deadline());
					ps.setString(4, f.rulePackVersion());
					ps.setObject(5, utc(f.judgedAt()));
					ps.setString(6, f.ruleId());
					ps.setString(7, f.article());
					ps.setBoolean(8, inUploadQueue(f));
					ps.setObject(9, f.id());
				});
	}

	void resolve(Collection<Finding> findings, Instant at) {
		batch.batchUpdate("update compliance_finding set resolved_at = ?, resolution = ? where id = ? and resolved_at is null",
				findings, 1000, (ps, f) -> {
					ps.setObject(1, utc(at));
					ps.setString(2, f.resolution() == null ? Resolution.FIXED.name() : f.resolution().name());
					ps.setObject(3, f.id());
				});
	}

	/** A case's light after an evaluation, with the outline of the case the dashboard's projection is kept from. */
	record CaseLight(UUID caseId, Light light, int major, int minor, CaseOutline outline) {
	}

	/**
	 * Writes the lights of a batch: {@code changed} rows in full, {@code fresh} ones inserted, and of the
	 * {@code unchanged} only the time of this evaluation, in one statement per thousand (a steady-state run used to
	 * rewrite every column of every row, one statement per case).
	 */
	void recordLights(Collection<CaseLight> changed, Collection<CaseLight> fresh, List<UUID> unchanged, String version,
			Instant at) {
		for (var from = 0; from < unchanged.size(); from += CHUNK) {
			var chunk = unchanged.subList(from, Math.min(unchanged.size(), from + CHUNK));
			var values = new ArrayList<Object>(chunk.size() + 1);
			values.add(utc(at));
			values.addAll(chunk);
			jdbc.sql("update compliance_case set evaluated_at = ? where case_id in ("
					+ String.join(",", Collections.nCopies(chunk.size(), "?")) + ")")
				.params(values)
				.update();
		}
		batch.batchUpdate("update compliance_case set light = ?, open_major = ?, open_minor = ?, rule_pack_version = ?, "
				+ "evaluated_at = ?, case_number = ?, title = ?, handling_unit_id = ?, opened_at = ?, case_open = ? "
				+ "where case_id = ?", changed, 1000, (ps, c) -> setLight(ps, c, version, at));
		batch.batchUpdate("insert into compliance_case (light, open_major, open_minor, rule_pack_version, evaluated_at, "
				+ "case_number, title, handling_unit_id, opened_at, case_open, case_id) values (?,?,?,?,?,?,?,?,?,?,?)",
				fresh, 1000, (ps, c) -> setLight(ps, c, version, at));
	}

	private static void setLight(PreparedStatement ps, CaseLight c, String version, Instant at) throws SQLException {
		ps.setString(1, c.light().name());
		ps.setInt(2, c.major());
		ps.setInt(3, c.minor());
		ps.setString(4, version);
		ps.setObject(5, utc(at));
		ps.setString(6, c.outline().caseNumber().value());
		ps.setString(7, c.outline().title());
		ps.setObject(8, c.outline().unit().id());
		ps.setObject(9, utc(c.outline().openedAt()));
		ps.setBoolean(10, c.outline().open());
		ps.setObject(11, c.caseId());
	}

	/** Keeps the projection's handlers of these cases (a range {@code first..last}) as the cases module has them. */
	void recordHandlers(List<CaseOutline> cases, UUID first, UUID last) {
		var kept = new HashMap<UUID, Set<UUID>>();
		jdbc.sql("select case_id, staff_id from compliance_case_handler where case_id between ? and ?")
			.params(first, last)
			.query((rs, n) -> kept.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>())
				.add(rs.getObject(2, UUID.class)))
			.list();
		var changed = cases.stream()
			.filter(c -> !kept.getOrDefault(c.id().id(), Set.of())
				.equals(c.handlers().stream().map(StaffId::id).collect(Collectors.toSet())))
			.toList();
		// only cases that had handlers recorded lose rows: a first evaluation deletes nothing (deleting row by row from
		// a table that grows during the run made PostgreSQL scan it for each case)
		var replaced = changed.stream().filter(c -> kept.containsKey(c.id().id())).toList();
		batch.batchUpdate("delete from compliance_case_handler where case_id = ?", replaced, 1000,
				(ps, c) -> ps.setObject(1, c.id().id()));
		var rows = changed.stream()
			.flatMap(c -> c.handlers().stream().distinct().map(h -> new UUID[] { c.id().id(), h.id() }))
			.toList();
		batch.batchUpdate("insert into compliance_case_handler (case_id, staff_id) values (?, ?)", rows, 1000,
				(ps, r) -> {
					ps.setObject(1, r[0]);
					ps.setObject(2, r[1]);
				});
	}

	/** The rule pack version and time of a case's last evaluation, if it has been evaluated. */
	Optional<Evaluated> lastEvaluation(CaseId caseId) {
		return jdbc.sql("select rule_pack_version, evaluated_at from compliance_case where case_id = ?")
			.param(caseId.id())
			.query((rs, n) -> new Evaluated(rs.getString(1), instant(rs.getObject(2, OffsetDateTime.class))))
			.optional();
	}

	record Evaluated(String rulePackVersion, Instant at) {
	}

	/** The cases evaluated before the dashboard's projection was kept, to be judged again once. */
	boolean anyWithoutProjection() {
		return !jdbc.sql("select case_id from compliance_case where case_open is null fetch first 1 rows only")
			.query(UUID.class).list().isEmpty();
	}

	private static String clip(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length - 1) + "…";
	}

	static Finding map(ResultSet rs, int row) throws SQLException {
		var stage = rs.getObject("stage_id", UUID.class);
		var resolution = rs.getString("resolution");
		var recordKind = rs.getString("record_kind");
		return new Finding(rs.getObject("id", UUID.class), new CaseId(rs.getObject("case_id", UUID.class)),
				stage == null ? null : new StageId(stage),
				recordKind == null ? null : new RecordRef(RecordRef.Kind.valueOf(recordKind), rs.getObject("record_id", UUID.class)),
				rs.getString("finding_key"), rs.getString("rule_id"), rs.getString("article"),
				Severity.valueOf(rs.getString("severity")), rs.getString("detail"),
				rs.getObject("deadline", LocalDate.class), rs.getString("rule_pack_version"),
				instant(rs.getObject("found_at", OffsetDateTime.class)),
				instant(rs.getObject("judged_at", OffsetDateTime.class)),
				instant(rs.getObject("resolved_at", OffsetDateTime.class)),
				resolution == null ? null : Resolution.valueOf(resolution));
	}
}
