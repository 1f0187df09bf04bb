package org.lawtrace.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the fixity audit has found, for the custodian, the director and the discipline unit (ART-13, ART-22): the
 * state of the current cycle, and a month's checks for the monthly report.
 */
@Service
public class FixityReports {

	private final FixityLedger ledger;
	private final StorageProperties.Audits settings;
	private final Copies copies;
	private final Clock clock;

	FixityReports(FixityLedger ledger, StorageProperties properties, Copies copies, Clock clock) {
		this.ledger = ledger;
		this.settings = properties.fixity();
		this.copies = copies;
		this.clock = clock;
	}

	/** How many checks of each result. */
	public record Counts(long checked, long passed, long failed, long missing, long repaired) {

		static Counts of(Map<CheckResult, Long> byResult) {
			var passed = byResult.get(CheckResult.PASSED);
			var failed = byResult.get(CheckResult.FAILED);
			var missing = byResult.get(CheckResult.MISSING);
			var repaired = byResult.get(CheckResult.REPAIRED);
			return new Counts(passed + failed + missing, passed, failed, missing, repaired);
		}

		Counts plus(Counts other) {
			return new Counts(checked + other.checked, passed + other.passed, failed + other.failed,
					missing + other.missing, repaired + other.repaired);
		}
	}

	/**
	 * The last run of the job.
	 *
	 * @param finishedAt null while it runs (or when it died mid-run).
	 */
	public record LastRun(Instant startedAt, @Nullable Instant finishedAt, int checked, long bytesRead, long budget) {
	}

	/**
	 * The state of the current cycle.
	 *
	 * @param cycleStart checks since then count for this cycle ({@code now - cycle}).
	 * @param copies how many copies the audit knows (each recorded blob once per configured copy).
	 * @param copiesCheckedThisCycle how many of them were checked since {@code cycleStart}.
	 * @param neverChecked how many were never checked yet.
	 * @param oldestCheck the least recent last check of any copy, null when none was ever checked.
	 * @param knownBad copies whose last check failed or found them missing, not yet repaired.
	 * @param thisCycle checks since {@code cycleStart}: repairs count apart, a repaired copy was checked and failed first.
	 * @param byCopy the same per copy.
	 */
	public record Status(Instant now, Duration cycle, long readRateBytesPerSecond, Duration every, boolean enabled,
			boolean replicaConfigured, Instant cycleStart, long copies, long copiesCheckedThisCycle, long neverChecked,
			@Nullable Instant oldestCheck, long knownBad, Counts thisCycle, Map<Copy, Counts> byCopy,
			@Nullable LastRun lastRun) {
	}

	@Transactional(readOnly = true)
	public Status status() {
		var now = clock.instant();
		var cycleStart = now.minus(settings.cycle());
		var tally = ledger.tally(cycleStart, now.plusMillis(1));
		var byCopy = new java.util.EnumMap<Copy, Counts>(Copy.class);
		tally.forEach((copy, counts) -> byCopy.put(copy, Counts.of(counts)));
		var total = byCopy.values().stream().reduce(new Counts(0, 0, 0, 0, 0), Counts::plus);
		var run = ledger.lastRun();
		return new Status(now, settings.cycle(), settings.readRate().toBytes(), settings.every(), settings.enabled(),
				copies.configured().contains(Copy.REPLICA), cycleStart, ledger.copies(),
				ledger.copiesCheckedSince(cycleStart), ledger.neverChecked(), ledger.oldestCheck(), ledger.knownBadCopies(),
				total, byCopy, run == null ? null
						: new LastRun(run.startedAt(), run.finishedAt(), run.checked(), run.bytesRead(), run.budget()));
	}

	/** A check that did not pass, for the report's list of failures. */
	public record Failure(Instant checkedAt, String sha256, Copy copy, CheckResult result, String algorithm,
			@Nullable String detail) {
	}

	/** A month's checks, per copy, with every check that did not pass. */
	public record Month(YearMonth month, ZoneId zone, Map<Copy, Counts> byCopy, Counts total, List<Failure> failures) {
	}

	/** The checks of {@code month} as the bureau's calendar counts it ({@code zone}). */
	@Transactional(readOnly = true)
	public Month month(YearMonth month, ZoneId zone) {
		var from = month.atDay(1).atStartOfDay(zone).toInstant();
		var to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
		var byCopy = new java.util.EnumMap<Copy, Counts>(Copy.class);
		ledger.tally(from, to).forEach((copy, counts) -> byCopy.put(copy, Counts.of(counts)));
		var total = byCopy.values().stream().reduce(new Counts(0, 0, 0, 0, 0), Counts::plus);
		var failures = ledger.failures(from, to).stream()
			.map(c -> new Failure(c.checkedAt(), c.sha256(), c.copy(), c.result(), c.algorithm(), c.detail()))
			.toList();
		return new Month(month, zone, byCopy, total, failures);
	}

	/** Every check of one blob, newest first, for whoever investigates an alarm. */
	@Transactional(readOnly = true)
	public List<Failure> checksOf(String sha256) {
		return ledger.checksOf(sha256).stream()
			.map(c -> new Failure(c.checkedAt(), c.sha256(), c.copy(), c.result(), c.algorithm(), c.detail()))
			.toList();
	}
}
