package org.lawtrace.compliance;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.lawtrace.staff.StaffDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bureau's picture (ART-03, ART-21): how complete the records are by handling unit, by officer and by month
 * the case was opened, and the cases with the worst gaps. A case is complete when it has no open red or amber
 * finding. Sums are taken in the database from each case's last light.
 */
@Service
@Transactional(readOnly = true)
public class ComplianceDashboard {

	private final JdbcClient jdbc;
	private final StaffDirectory staff;
	private final Findings findings;
	private final JudgementsMade judgements;
	/** Each figure as last worked out, with what it was worked out from (issue 15: pages under 300 ms). */
	private final Map<String, Worked> worked = new ConcurrentHashMap<>();

	private record Worked(long judgements, String cases, Object figure) {
	}

	ComplianceDashboard(JdbcClient jdbc, StaffDirectory staff, Findings findings, JudgementsMade judgements) {
		this.jdbc = jdbc;
		this.staff = staff;
		this.findings = findings;
		this.judgements = judgements;
	}

	/**
	 * A figure worked out from the findings of 100,000 cases takes a scan of them; it is worked out again only when a
	 * judgement was committed since: on this instance (counted), or on another (which moves the newest
	 * {@code evaluated_at} of the cases, or their number; one cheap read). A judgement on another instance with its
	 * clock set back would go unnoticed until the next one here; the figures of a day ({@code key}) are kept apart.
	 */
	@SuppressWarnings("unchecked")
	private <T> T current(String key, java.util.function.Supplier<T> workOut) {
		var made = judgements.count();
		var cases = casesAsLastRead();
		var last = worked.get(key);
		if (last != null && last.judgements() == made && last.cases().equals(cases)) {
			return (T) last.figure();
		}
		var figure = workOut.get();
		if (worked.size() > 100) {
			worked.clear();
		}
		worked.put(key, new Worked(made, cases, figure));
		return figure;
	}

	/** The cases' number and newest evaluation as last read, and when (System.nanoTime). */
	private record CasesRead(String cases, long at) {
	}

	private volatile @Nullable CasesRead casesRead;

	/**
	 * The number of judged cases and the newest {@code evaluated_at}: a scan of the 100,000 cases' projection (tens of
	 * milliseconds), read once for all the figures of a page (and the pages opened within the same second) rather than
	 * once per figure. A judgement on this instance is seen at once (counted); one on another instance within a second.
	 */
	private String casesAsLastRead() {
		var last = casesRead;
		var now = System.nanoTime();
		if (last != null && now - last.at() < java.util.concurrent.TimeUnit.SECONDS.toNanos(1)) {
			return last.cases();
		}
		var cases = jdbc.sql("select count(*), max(evaluated_at) from compliance_case")
			.query((rs, n) -> rs.getLong(1) + "/" + rs.getString(2)).single();
		casesRead = new CasesRead(cases, now);
		return cases;
	}

	/**
	 * The figures at the top of the dashboards (完整率, overdue findings, late uploads): how many cases were checked and
	 * how many of them are complete, how many open red or amber findings passed their deadline before {@code today},
	 * and how many lines the custodian's late-upload queue has (ART-15.1).
	 */
	public record Kpis(long cases, long complete, long overdueFindings, long lateUploads) {

		/** Complete cases in percent, rounded down (99.6 % is not yet 100 %); none when no case was checked. */
		public @Nullable Integer completePercent() {
			return cases == 0 ? null : (int) (complete * 100 / cases);
		}
	}

	public Kpis kpis(LocalDate today) {
		return current("kpis " + today, () -> kpisWorkedOut(today));
	}

	private Kpis kpisWorkedOut(LocalDate today) {
		var cases = jdbc.sql("select count(*), sum(case when k.light = 'GREEN' then 1 else 0 end) from compliance_case k")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		var overdue = jdbc.sql("select count(*) from compliance_finding f where f.resolved_at is null "
				+ "and f.severity <> 'NOTICE' and f.deadline < ?").param(today).query(Long.class).single();
		return new Kpis(cases[0], cases[1], overdue, findings.lateUploadCount(today));
	}

	/** One bar: how many cases, how many complete, red and amber, and with a finding past its deadline. */
	public record Tally(String label, long cases, long green, long amber, long red, long overdue) {

		public int percent() {
			return cases == 0 ? 100 : (int) (green * 100 / cases);
		}
	}

	/** A case with open gaps, worst first. */
	public record Gap(UUID caseId, String caseNumber, String title, Light light, int major, int minor,
			@Nullable LocalDate earliestDeadline, String articles) {

		/** Its earliest open red or amber finding passed its deadline before {@code today}. */
		public boolean overdueOn(LocalDate today) {
			return earliestDeadline != null && earliestDeadline.isBefore(today);
		}
	}

	private static final String SUMS = "count(*), sum(case when k.light = 'GREEN' then 1 else 0 end), "
			+ "sum(case when k.light = 'AMBER' then 1 else 0 end), sum(case when k.light = 'RED' then 1 else 0 end), "
			+ "sum(case when o.case_id is not null then 1 else 0 end)";

	/**
	 * The cases with an open red or amber finding past its deadline, joined (a hash join) rather than asked with
	 * {@code in (select ...)}: with real statistics over half a million findings PostgreSQL would not hash that
	 * subquery and ran it again for every case (minutes on the 100,000-case bureau).
	 */
	private static final String OVERDUE = " left join (select distinct f.case_id from compliance_finding f "
			+ "where f.resolved_at is null and f.severity <> 'NOTICE' and f.deadline < :day) o on o.case_id = k.case_id ";

	/** By handling unit, the least complete first; overdue as of {@code today}. */
	public List<Tally> byUnit(LocalDate today) {
		return current("unit " + today, () -> byUnitWorkedOut(today));
	}

	private List<Tally> byUnitWorkedOut(LocalDate today) {
		var names = new HashMap<UUID, String>();
		staff.units().forEach(u -> names.put(u.id().id(), u.name()));
		return jdbc.sql("select k.handling_unit_id, " + SUMS + " from compliance_case k" + OVERDUE
				+ "group by k.handling_unit_id")
			.param("day", today)
			.query((rs, n) -> new Tally(names.getOrDefault(rs.getObject(1, UUID.class), "?"), rs.getLong(2),
					rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
			.list().stream().sorted(java.util.Comparator.comparing(Tally::percent)).toList();
	}

	/** By handling officer, the least complete first; overdue as of {@code today}. */
	public List<Tally> byOfficer(LocalDate today) {
		return current("officer " + today, () -> byOfficerWorkedOut(today));
	}

	private List<Tally> byOfficerWorkedOut(LocalDate today) {
		var names = new HashMap<UUID, String>();
		staff.all().forEach(m -> names.put(m.id().id(), m.name()));
		return jdbc.sql("select h.staff_id, " + SUMS
				+ " from compliance_case k join compliance_case_handler h on h.case_id = k.case_id" + OVERDUE
				+ "group by h.staff_id")
			.param("day", today)
			.query((rs, n) -> new Tally(names.getOrDefault(rs.getObject(1, UUID.class), "?"), rs.getLong(2),
					rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
			.list().stream().sorted(java.util.Comparator.comparing(Tally::percent)).toList();
	}

	/** By the month the case was opened (in the database's time zone), oldest first; overdue as of {@code today}. */
	public List<Tally> byMonth(LocalDate today) {
		return current("month " + today, () -> byMonthWorkedOut(today));
	}

	private List<Tally> byMonthWorkedOut(LocalDate today) {
		return jdbc.sql("select extract(year from k.opened_at) as y, extract(month from k.opened_at) as m, " + SUMS
				+ " from compliance_case k" + OVERDUE + "where k.opened_at is not null group by extract(year from k.opened_at), "
				+ "extract(month from k.opened_at) order by y, m")
			.param("day", today)
			.query((rs, n) -> new Tally(String.format("%d-%02d", rs.getInt(1), rs.getInt(2)), rs.getLong(3),
					rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)))
			.list();
	}

	/** The cases with the most open red findings, then amber, then the earliest deadline. */
	public List<Gap> worst(int limit) {
		return current("worst " + limit, () -> worstWorkedOut(limit));
	}

	private List<Gap> worstWorkedOut(int limit) {
		return jdbc.sql("""
				select k.case_id, k.case_number, k.title, k.light, k.open_major, k.open_minor,
				       (select min(f.deadline) from compliance_finding f
				        where f.case_id = k.case_id and f.resolved_at is null and f.severity <> 'NOTICE') as deadline,
				       (select min(f.article) from compliance_finding f
				        where f.case_id = k.case_id and f.resolved_at is null and f.severity <> 'NOTICE') as article
				from compliance_case k
				where k.light <> 'GREEN'
				order by k.open_major desc, k.open_minor desc, k.opened_at
				fetch first %d rows only""".formatted(limit))
			.query((rs, n) -> new Gap(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					Light.valueOf(rs.getString(4)), rs.getInt(5), rs.getInt(6),
					rs.getObject(7, LocalDate.class),
					rs.getString(8) == null ? "" : rs.getString(8)))
			.list();
	}
}
