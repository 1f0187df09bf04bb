package org.lawtrace.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.IntegrityAlarm;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.StoredContentReferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.stereotype.Service;

/**
 * The rolling fixity audit (固定性校验, ART-15, ART-22(2)): every copy of every recorded blob, the primary's and the
 * replica's, is re-read and checked against what the records say it is (SHA-256, size and SM3) at least once per
 * cycle, the copy that waited longest first, within a read-rate budget. A copy found damaged is quarantined (never
 * deleted), a damaged or missing copy is repaired from the other copy once that still matches both digests, and
 * checked again; the custodian and the discipline unit are alerted, and every check and step is recorded.
 * <p>
 * Several instances may run it at once: each copy is claimed with a lease row before it is read.
 */
@Service
public class FixityAudits {

	private static final Logger log = LoggerFactory.getLogger(FixityAudits.class);
	static final String FULL = "SHA-256+SM3";
	static final String SHA256 = "SHA-256";

	private final Copies copies;
	private final FixityLedger ledger;
	private final List<StoredContentReferences> holders;
	private final java.util.function.Supplier<java.util.Set<String>> destroyed;
	private final StorageProperties.Audits settings;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final String instance = ManagementFactory.getRuntimeMXBean().getName();

	FixityAudits(Copies copies, FixityLedger ledger, List<StoredContentReferences> holders,
			StorageProperties properties, ApplicationEventPublisher events, Clock clock) {
		this(copies, ledger, holders, properties, events, clock, java.util.Set::of);
	}

	/** {@code destroyed}: blobs given up under an approved disposition (ART-16), which records name but no copy holds. */
	@org.springframework.beans.factory.annotation.Autowired
	FixityAudits(Copies copies, FixityLedger ledger, List<StoredContentReferences> holders,
			StorageProperties properties, ApplicationEventPublisher events, Clock clock,
			org.springframework.beans.factory.ObjectProvider<org.lawtrace.shared.DispositionApprovals> destroyed) {
		this(copies, ledger, holders, properties, events, clock,
				() -> destroyed.stream().flatMap(d -> d.destroyedSha256s().stream()).collect(java.util.stream.Collectors.toSet()));
	}

	private FixityAudits(Copies copies, FixityLedger ledger, List<StoredContentReferences> holders,
			StorageProperties properties, ApplicationEventPublisher events, Clock clock,
			java.util.function.Supplier<java.util.Set<String>> destroyed) {
		this.destroyed = destroyed;
		this.copies = copies;
		this.ledger = ledger;
		this.holders = holders;
		this.settings = properties.fixity();
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What one run did.
	 *
	 * @param checked how many copies it checked.
	 * @param bytesRead how many stored bytes it read, repairs included.
	 * @param budget the most it was allowed to read.
	 * @param failed how many copies it found damaged or missing.
	 * @param repaired how many of those it repaired.
	 * @param millis how long it took.
	 */
	public record Run(int checked, long bytesRead, long budget, int failed, int repaired, long millis) {
	}

	/**
	 * One run per {@code every} in the whole cluster: the instance whose timer fires first holds the job for one
	 * period from the run's start (ADR 0020); a run longer than that may meet a second one, which the leases keep
	 * apart.
	 */
	@Scheduled(fixedDelayString = "${lawtrace.storage.fixity.every:PT1H}",
			initialDelayString = "${lawtrace.storage.fixity.every:PT1H}")
	@SchedulerLock(name = "storage-fixity-audit",
			lockAtLeastFor = "${lawtrace.storage.fixity.every:PT1H}", lockAtMostFor = "${lawtrace.storage.fixity.every:PT1H}")
	void scheduled() {
		if (!settings.enabled()) {
			return;
		}
		try {
			var run = run(settings.budgetPerRun());
			log.info("Fixity audit: {} copies checked, {} bytes read of a budget of {}, {} found bad, {} repaired",
					run.checked(), run.bytesRead(), run.budget(), run.failed(), run.repaired());
		}
		catch (RuntimeException e) {
			log.warn("The fixity audit run failed; the next run starts over", e);
		}
	}

	/** One run with the budget the settings give it ({@code read-rate × every}). */
	public Run run() {
		return run(settings.budgetPerRun());
	}

	/**
	 * One run: takes up blobs recorded since the last, then checks copies, the longest-waiting first, until it has
	 * read its share of the cycle (or what has fallen due), but never more than {@code budget} bytes; a single copy
	 * larger than the whole budget is still checked when it comes first, so no object is starved.
	 */
	public Run run(long budget) {
		var started = clock.instant();
		var startedNanos = System.nanoTime();
		var present = copies.configured();
		var recorded = new ArrayList<ContentDigest>();
		holders.forEach(h -> recorded.addAll(h.digests()));
		var gone = destroyed.get();
		if (!gone.isEmpty()) {
			recorded.removeIf(d -> gone.contains(d.sha256()));
		}
		ledger.takeUp(recorded, present);
		// the checks read the run's share of the cycle (or what has fallen due); repairs read on top of that, and
		// everything together stays within the budget; `threads` copies are checked at once (SHA-256 is CPU-bound)
		var quota = Math.min(budget, quota(started, present));
		var runId = ledger.runStarted(started, budget, instance);
		var throttle = new Throttle(settings.readRate().toBytes());
		var threads = Math.max(1, settings.threads());
		var workers = java.util.concurrent.Executors.newFixedThreadPool(threads, runnable -> {
			var thread = new Thread(runnable, "fixity-check");
			thread.setDaemon(true);
			return thread;
		});
		var slots = new java.util.concurrent.Semaphore(threads);
		// a check counts against the run's share when it is claimed, so the share holds however many run at once
		var planned = new AtomicLong();
		var repairing = new AtomicLong();
		var bytes = new AtomicLong();
		var checked = new AtomicInteger();
		var failed = new AtomicInteger();
		var repaired = new AtomicInteger();
		try {
			while (true) {
				slots.acquireUninterruptibly();
				var used = planned.get() + repairing.get();
				var next = planned.get() >= quota || used >= budget ? null
						: claim(started, present, Math.min(quota - planned.get(), budget - used), planned.get() == 0);
				if (next == null) {
					slots.release();
					break;
				}
				planned.addAndGet(next.target().expected().sizeBytes());
				workers.execute(() -> {
					try {
						var outcome = check(next.target(), throttle);
						checked.incrementAndGet();
						bytes.addAndGet(outcome.bytesRead());
						if (outcome.result() != CheckResult.PASSED) {
							failed.incrementAndGet();
							var mended = mend(next.target(), outcome, throttle);
							repairing.addAndGet(mended.bytesRead());
							bytes.addAndGet(mended.bytesRead());
							if (mended.repaired()) {
								repaired.incrementAndGet();
							}
						}
					}
					catch (RuntimeException e) {
						// the copy's lease runs out and the next run takes it again
						log.warn("Fixity check of the {} copy of {} could not finish", next.target().copy(),
								next.target().expected().sha256(), e);
					}
					finally {
						slots.release();
					}
				});
			}
		}
		finally {
			workers.shutdown();
			try {
				workers.awaitTermination(1, java.util.concurrent.TimeUnit.DAYS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		ledger.runFinished(runId, clock.instant(), checked.get(), bytes.get());
		return new Run(checked.get(), bytes.get(), budget, failed.get(), repaired.get(),
				(System.nanoTime() - startedNanos) / 1_000_000);
	}

	/**
	 * The bytes this run reads: its even share of the cycle ({@code held × every / cycle}), or more when copies would
	 * otherwise pass a cycle unchecked (never checked, due before the next run, or known bad).
	 */
	private long quota(Instant now, List<Copy> present) {
		var held = ledger.bytesHeld(present);
		var share = (long) Math.ceil(held * ((double) settings.every().toSeconds() / Math.max(1, settings.cycle().toSeconds())));
		var due = ledger.bytesDue(now.minus(settings.cycle()).plus(settings.every()), present);
		return Math.max(1, Math.max(share, due));
	}

	private record CheckedCopy(FixityLedger.CopyToCheck target) {
	}

	private @Nullable CheckedCopy claim(Instant runStarted, List<Copy> present, long left, boolean first) {
		// a lease long enough for the largest object at the read rate, so a slow check is not taken over mid-read
		var lease = Duration.ofHours(1).plus(settings.every());
		var target = ledger.claimNext(clock.instant(), runStarted, lease, instance, present);
		if (target == null) {
			return null;
		}
		if (!first && target.expected().sizeBytes() > left) {
			// leave it for the next run, which will take it first
			ledger.release(target);
			return null;
		}
		return new CheckedCopy(target);
	}

	/** What checking one copy found. */
	record Outcome(CheckResult result, long bytesRead, String algorithm, @Nullable String detail) {
	}

	private Outcome check(FixityLedger.CopyToCheck target, Throttle throttle) {
		var expected = target.expected();
		var store = copies.of(target.copy()).orElseThrow();
		// SM3 runs at a fraction of SHA-256's speed: it is recomputed once per sm3-cycle, SHA-256 and size every time
		var withSm3 = expected.sm3() != null && (target.sm3CheckedAt() == null
				|| target.sm3CheckedAt().isBefore(clock.instant().minus(settings.sm3Cycle())));
		var algorithm = withSm3 ? FULL : SHA256;
		Outcome outcome;
		try (var in = throttle.limit(store.open(expected))) {
			Fixity.verify(expected, in, withSm3);
			outcome = new Outcome(CheckResult.PASSED, expected.sizeBytes(), algorithm, null);
		}
		catch (NotFound e) {
			outcome = new Outcome(CheckResult.MISSING, 0, algorithm, "副本缺失 (copy missing)");
		}
		catch (BlobCorrupted e) {
			outcome = new Outcome(CheckResult.FAILED, e.calculated().sizeBytes(), algorithm,
					"摘要不符 (digest mismatch): calculated sha256=" + e.calculated().sha256() + " sm3="
							+ e.calculated().sm3() + " size=" + e.calculated().sizeBytes());
		}
		catch (IOException | UncheckedIOException e) {
			outcome = new Outcome(CheckResult.FAILED, 0, algorithm, "读取失败 (unreadable): " + e.getMessage());
		}
		ledger.record(expected.sha256(), target.copy(), expected.sizeBytes(), clock.instant(), algorithm,
				outcome.result(), outcome.bytesRead(), outcome.detail());
		return outcome;
	}

	/**
	 * Alerts, quarantines a damaged copy, repairs it from the other copy if that still matches both digests, and
	 * checks it again.
	 *
	 * @return whether it repaired the copy, and the bytes that took.
	 */
	private Mended mend(FixityLedger.CopyToCheck target, Outcome found, Throttle throttle) {
		var expected = target.expected();
		var sha256 = expected.sha256();
		var copy = target.copy();
		var copyName = copy == Copy.PRIMARY ? "主存储" : "异地副本";
		var missing = found.result() == CheckResult.MISSING;
		events.publishEvent(new IntegrityAlarm(missing ? "COPY_MISSING" : "FIXITY_FAILED", "BLOB", sha256,
				copyName + (missing ? "中的原始记录缺失" : "中的原始记录未通过固定性校验") + " (" + copy
						+ (missing ? " copy missing" : " copy failed its fixity check") + "): " + found.detail()));
		events.publishEvent(FixityStep.failed(missing ? "FIXITY_COPY_MISSING" : "FIXITY_CHECK_FAILED", sha256, copy,
				"algorithm=" + found.algorithm() + " " + found.detail()));
		var store = copies.of(copy).orElseThrow();
		if (!missing) {
			try {
				var where = store.quarantine(expected, clock.instant());
				events.publishEvent(FixityStep.of("FIXITY_COPY_QUARANTINED", sha256, copy, "to=" + where));
			}
			catch (NotFound gone) {
				// it vanished between the check and now: a missing copy, repaired the same way
			}
			catch (RuntimeException e) {
				events.publishEvent(FixityStep.failed("FIXITY_COPY_QUARANTINED", sha256, copy, "error=" + e.getMessage()));
				return Mended.NOT;
			}
		}
		var source = Copies.other(copy);
		var good = copies.of(source);
		if (good.isEmpty() || ledger.knownBad(sha256, source)) {
			unrepaired(expected, copy, good.isEmpty() ? "未配置异地副本 (no replica configured)"
					: "另一副本也已损坏 (the other copy is known bad)");
			return Mended.NOT;
		}
		try (var in = throttle.limit(good.get().open(expected))) {
			store.repair(expected, in);
		}
		catch (BlobCorrupted e) {
			// the source failed too: it is recorded as such and repaired from nowhere until someone acts
			ledger.record(sha256, source, expected.sizeBytes(), clock.instant(), found.algorithm(), CheckResult.FAILED,
					e.calculated().sizeBytes(), "修复时发现另一副本也不符 (found damaged while repairing the other copy)");
			unrepaired(expected, copy, "另一副本摘要也不符 (the other copy does not match either)");
			return Mended.NOT;
		}
		catch (NotFound e) {
			unrepaired(expected, copy, "另一副本也缺失 (the other copy is missing too)");
			return Mended.NOT;
		}
		catch (IOException | RuntimeException e) {
			unrepaired(expected, copy, "修复失败 (repair failed): " + e.getMessage());
			return Mended.NOT;
		}
		events.publishEvent(FixityStep.of("FIXITY_COPY_REPAIRED", sha256, copy, "from=" + source));
		try (var in = throttle.limit(store.open(expected))) {
			Fixity.verify(expected, in);
		}
		catch (IOException | RuntimeException e) {
			ledger.record(sha256, copy, expected.sizeBytes(), clock.instant(), found.algorithm(), CheckResult.FAILED,
					0, "修复后复核未通过 (failed its check after repair): " + e.getMessage());
			unrepaired(expected, copy, "修复后复核未通过 (failed its check after repair)");
			return new Mended(false, 2 * expected.sizeBytes());
		}
		ledger.record(sha256, copy, expected.sizeBytes(), clock.instant(), found.algorithm(), CheckResult.REPAIRED,
				expected.sizeBytes(), "已从" + (source == Copy.PRIMARY ? "主存储" : "异地副本") + "修复并复核通过 (repaired from "
						+ source + " and verified)");
		events.publishEvent(FixityStep.of("FIXITY_COPY_VERIFIED", sha256, copy, "after=repair algorithm="
				+ found.algorithm()));
		log.warn("Fixity audit repaired the {} copy of blob {} from the {} copy", copy, sha256, source);
		return new Mended(true, 3 * expected.sizeBytes());
	}

	private record Mended(boolean repaired, long bytesRead) {

		static final Mended NOT = new Mended(false, 0);
	}

	private void unrepaired(ContentDigest expected, Copy copy, String why) {
		log.error("Fixity audit could not repair the {} copy of blob {}: {}", copy, expected.sha256(), why);
		events.publishEvent(FixityStep.failed("FIXITY_COPY_REPAIRED", expected.sha256(), copy, "reason=" + why));
		events.publishEvent(new IntegrityAlarm("COPY_NOT_REPAIRED", "BLOB", expected.sha256(),
				(copy == Copy.PRIMARY ? "主存储" : "异地副本") + "副本无法修复 (the " + copy + " copy could not be repaired): "
						+ why));
	}
}
