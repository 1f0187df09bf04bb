package org.lawtrace.compliance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lawtrace.compliance.Findings.CaseLight;
import org.lawtrace.recordings.UploadDeadline;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StaffId;
import org.lawtrace.staff.EnforcementCertificate;
import org.lawtrace.staff.Role;
import org.lawtrace.staff.StaffDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Metrics;

/**
 * Judges cases against the rule pack each was first judged under (the one in force when it was opened; Chapter 8:
 * a reload never re-judges an old case under other rules, and never closes a finding whose rule a pack lacks) and
 * keeps the findings current: new gaps are added with the time
 * they were first found, gaps found again keep that time, gaps gone are resolved (fixed, or exempted when the stage
 * was approved as not suitable for AV recording). Cases are judged in batches of consecutive ids: a few set-based
 * reads per batch, the rules in memory, the changes written in batches, one transaction per batch.
 */
@Service
public class ComplianceEvaluation {

	static final int BATCH = 2000;
	private static final Logger log = LoggerFactory.getLogger(ComplianceEvaluation.class);

	private final CaseRecords records;
	private final TextRecords texts;
	private final Findings findings;
	private final RulePacks packs;
	private final RulePackVersions versions;
	private final UploadDeadline uploadDeadline;
	private final ApplicationEventPublisher events;
	private final StaffDirectory staff;
	private final BureauTime time;
	private final TransactionTemplate transactions;
	private final TransactionTemplate reading;
	// the cases being judged now in this instance: a case is judged by one thread at a time, so two events about
	// one case (or an event during a full run) cannot add the same gap twice
	private final Set<UUID> judging = new HashSet<>();
	private final int threads;
	private final boolean fillAtStart;

	private final JudgementsMade judgements;

	ComplianceEvaluation(CaseRecords records, TextRecords texts, Findings findings, RulePacks packs,
			RulePackVersions versions, UploadDeadline uploadDeadline,
			ApplicationEventPublisher events,
			StaffDirectory staff,
			BureauTime time, PlatformTransactionManager transactions,
			@Value("${lawtrace.compliance.evaluation-threads:2}") int threads,
			@Value("${lawtrace.compliance.fill-projection-at-start:true}") boolean fillAtStart,
			JudgementsMade judgements) {
		this.judgements = judgements;
		this.fillAtStart = fillAtStart;
		this.records = records;
		this.texts = texts;
		this.findings = findings;
		this.packs = packs;
		this.versions = versions;
		this.uploadDeadline = uploadDeadline;
		this.events = events;
		this.staff = staff;
		this.time = time;
		this.threads = Math.max(1, threads);
		this.transactions = new TransactionTemplate(transactions);
		// each batch commits while this instance's lock is held, so a concurrent run sees what it wrote
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		// a full run's one pass: its streamed queries see one snapshot of the cases and their recordings
		this.reading = new TransactionTemplate(transactions);
		this.reading.setReadOnly(true);
		this.reading.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.reading.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** What a run did. */
	public record Run(String rulePackVersion, int cases, int opened, int rejudged, int resolved, long millis) {

		public double casesPerSecond() {
			return millis == 0 ? cases : cases * 1000.0 / millis;
		}
	}

	/**
	 * Cases judged before the dashboard's projection of cases was kept (an upgraded database) are judged again once,
	 * in the background, so the dashboard never has to read the cases module's tables.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void fillProjection() {
		// evaluate-compliance judges every case itself: a second full run beside it would only double the work
		if (fillAtStart && findings.anyWithoutProjection()) {
			var filling = new Thread(this::evaluateAll, "compliance-projection");
			filling.setDaemon(true);
			filling.start();
		}
	}

	/** Judges one case now, in a transaction of its own. */
	public Run evaluate(CaseId caseId) {
		return judge(List.of(caseId.id()), roster(), null);
	}

	/**
	 * A recording's times or recorder corrected by its own recorder: what closes in the judgement it triggers closed
	 * by his own hand (Chapter 8).
	 */
	record OwnCorrection(UUID recordingId, StaffId recorder) {
	}

	/** Judges one case after its own recorder corrected one of its recordings; what closes is marked so. */
	Run evaluateAfterOwnCorrection(CaseId caseId, OwnCorrection correction) {
		return judge(List.of(caseId.id()), roster(), correction);
	}

	/** Judges one case once the current transaction (which changed what the rules read) has committed. */
	void evaluateAfterCommit(CaseId caseId) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			evaluate(caseId);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				evaluate(caseId);
			}
		});
	}

	/**
	 * Judges every case (ART-03: the picture leaders see is the whole bureau's, under today's rule pack), batch by
	 * batch on a few threads: the time goes into reading, so two batches in flight keep the database busy.
	 */
	public Run evaluateAll() {
		var started = System.nanoTime();
		var roster = roster();
		var pack = packs.current();
		var runs = new ArrayList<Future<Run>>();
		var pool = Executors.newFixedThreadPool(threads);
		// a batch read waits for one of these before it is handed over, so the reader stays at most a few batches
		// ahead of the judges and the memory a run takes does not grow with the number of cases
		var inFlight = new Semaphore(threads + 1);
		try {
			// one pass over the cases and their recordings (issue 17: a round of range queries per batch made the
			// database look each row up by index; read in one pass, the rows come as one SQL pass reads them)
			var readAt = time.now();
			// read beside the cases, on a connection of its own: the judges need it only for the first batch
			var bookmarkRead = CompletableFuture.supplyAsync(() -> reading.execute(tx -> records.bookmarks()), pool);
			reading.executeWithoutResult(tx -> {
				try (var all = records.all(texts.all())) {
					var batch = new ArrayList<CaseRecords.Read>(BATCH);
					for (var it = all.iterator(); it.hasNext();) {
						batch.add(it.next());
						if (batch.size() == BATCH || !it.hasNext()) {
							var read = batch;
							acquire(inFlight);
							runs.add(pool.submit(() -> {
								try {
									return judge(read.stream().map(CaseRecords.Read::id).toList(), roster, null,
											readAt, () -> {
												var range = records.of(read, bookmarkRead.join());
												return range.withFacts(texts.attach(range.facts(), read.stream()
													.collect(Collectors.toMap(CaseRecords.Read::id,
															CaseRecords.Read::documents))));
											});
								}
								finally {
									inFlight.release();
								}
							}));
							batch = new ArrayList<>(BATCH);
						}
					}
				}
			});
			int cases = 0, opened = 0, rejudged = 0, resolved = 0;
			for (var run : runs) {
				var done = run.get();
				cases += done.cases();
				opened += done.opened();
				rejudged += done.rejudged();
				resolved += done.resolved();
			}
			var done = new Run(pack.version(), cases, opened, rejudged, resolved,
					(System.nanoTime() - started) / 1_000_000);
			// issue 16: the run's time on /actuator/prometheus (the global registry Boot adds its registries to)
			Metrics.timer("lawtrace.compliance.run").record(Duration.ofMillis(done.millis()));
			log.info("Compliance evaluation of {} cases under {}: {} findings opened, {} re-judged, {} resolved in {} ms",
					done.cases(), done.rulePackVersion(), done.opened(), done.rejudged(), done.resolved(),
					done.millis());
			return done;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("evaluation interrupted", e);
		}
		catch (ExecutionException e) {
			throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void acquire(Semaphore permits) {
		try {
			permits.acquire();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("evaluation interrupted", e);
		}
	}

	/** Judges the given cases (consecutive in id order) in one transaction, once no other thread judges any of them. */
	private Run judge(List<UUID> ids, Roster roster, @Nullable OwnCorrection own) {
		var first = ids.get(0);
		var last = ids.get(ids.size() - 1);
		return judge(ids, roster, own, null, () -> {
			var range = records.between(first, last);
			return range.withFacts(texts.attach(range.facts(), first, last));
		});
	}

	/**
	 * Judges the given cases, whose facts {@code read} reads inside the batch's transaction, or read at
	 * {@code readAt} (a full run's one pass): a case judged since then by its own event was judged on fresher facts
	 * and is left as that judgement wrote it.
	 */
	private Run judge(List<UUID> ids, Roster roster, @Nullable OwnCorrection own, @Nullable Instant readAt,
			Supplier<CaseRecords.Range> read) {
		// kept outside the batch's transaction: the first judgement under a pack writes its version
		var digest = versions.currentDigest();
		var pack = versions.pack(digest);
		var started = System.nanoTime();
		var counts = new int[4];
		claim(ids);
		try {
			transactions.executeWithoutResult(
					tx -> judgeRange(ids.get(0), ids.get(ids.size() - 1), new HashSet<>(ids), readAt, read, pack,
							digest, roster, own, counts));
		}
		finally {
			release(ids);
			judgements.committed();
		}
		return new Run(pack.version(), counts[0], counts[1], counts[2], counts[3],
				(System.nanoTime() - started) / 1_000_000);
	}

	private void claim(List<UUID> ids) {
		synchronized (judging) {
			while (ids.stream().anyMatch(judging::contains)) {
				try {
					judging.wait();
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("interrupted while waiting to judge", e);
				}
			}
			judging.addAll(ids);
		}
	}

	private void release(List<UUID> ids) {
		synchronized (judging) {
			ids.forEach(judging::remove);
			judging.notifyAll();
		}
	}

	private void judgeRange(UUID first, UUID last, Set<UUID> claimed, @Nullable Instant readAt,
			Supplier<CaseRecords.Range> read,
			RulePack current, String currentDigest,
			Roster roster, @Nullable OwnCorrection own, int[] counts) {
		var now = time.now();
		// a case opened inside the range since the ids were read is left to its own event, which claims it
		var range = read.get();
		var kept = findings.evaluatedBetween(first, last);
		var facts = range.facts().stream().filter(c -> claimed.contains(c.id().id()))
			.filter(c -> readAt == null || !kept.containsKey(c.id().id())
					|| !kept.get(c.id().id()).judgedSince(readAt, now))
			.toList();
		var checks = records.checksOf(facts);
		var open = new HashMap<UUID, Map<String, Finding>>();
		for (var f : findings.openBetween(first, last)) {
			if (!claimed.contains(f.caseId().id())) {
				continue;
			}
			open.computeIfAbsent(f.caseId().id(), k -> new HashMap<>()).put(f.key(), f);
		}
		// Chapter 8: each case is judged under the pack in force when it was first judged, so a reload never
		// re-judges an old case under rules it was not made under
		var digests = findings.packDigestsBetween(first, last);
		var byPack = new LinkedHashMap<String, List<CaseFacts>>();
		facts.forEach(c -> byPack.computeIfAbsent(digests.getOrDefault(c.id().id(), currentDigest),
				d -> new ArrayList<>()).add(c));
		var added = new ArrayList<Finding>();
		var changed = new ArrayList<Finding>();
		var gone = new ArrayList<Finding>();
		for (var entry : byPack.entrySet()) {
			var pack = entry.getKey().equals(currentDigest) ? current : versions.pack(entry.getKey());
			var evaluator = new Evaluator(pack, roster, checks, time.zone(),
					(day, within) -> uploadDeadline.deadlineFor(day, (int) within));
			var rules = pack.rules().stream().map(Rule::id).collect(Collectors.toSet());
			var relit = new ArrayList<CaseLight>();
			var fresh = new ArrayList<CaseLight>();
			var unchanged = new ArrayList<UUID>();
			for (var c : entry.getValue()) {
				var verdict = evaluator.evaluate(c);
				var before = open.getOrDefault(c.id().id(), Map.of());
				var seen = new HashSet<String>();
				int major = 0;
				int minor = 0;
				for (var j : verdict.judgements()) {
					if (!seen.add(j.key())) {
						continue;
					}
					major += j.severity() == Severity.MAJOR ? 1 : 0;
					minor += j.severity() == Severity.MINOR ? 1 : 0;
					var existing = before.get(j.key());
					if (existing == null) {
						added.add(new Finding(UUID.randomUUID(), c.id(), j.stage(), j.record(), j.key(), j.rule().id(),
								j.rule().article(), j.severity(), j.detail(), j.deadline(), pack.version(), now, now,
								null, null));
					}
					else if (differs(existing, j, pack)) {
						changed.add(new Finding(existing.id(), c.id(), j.stage(), j.record(), j.key(), j.rule().id(),
								j.rule().article(), j.severity(), j.detail(), j.deadline(), pack.version(),
								existing.foundAt(), now, null, null));
					}
				}
				// a finding whose rule this pack does not have was not judged at all: it stays open (Chapter 8)
				before.values().stream().filter(f -> !seen.contains(f.key()) && rules.contains(f.ruleId()))
					.map(f -> new Finding(f.id(), f.caseId(), f.stageId(), f.record(), f.key(), f.ruleId(),
							f.article(), f.severity(), f.detail(), f.deadline(), f.rulePackVersion(), f.foundAt(),
							f.judgedAt(), now, f.stageId() != null && verdict.exempted().contains(f.stageId())
									? Resolution.EXEMPTED : Resolution.FIXED))
					.forEach(gone::add);
				var light = new CaseLight(c.id().id(), major > 0 ? Light.RED : minor > 0 ? Light.AMBER : Light.GREEN,
						major, minor, range.outlines().get(c.id().id()));
				var stored = kept.get(c.id().id());
				if (stored == null) {
					fresh.add(light);
				}
				else if (stored.same(light, pack.version())) {
					unchanged.add(light.caseId());
				}
				else {
					relit.add(light);
				}
			}
			findings.recordLights(relit, fresh, unchanged, pack.version(), now);
			findings.assignPack(entry.getValue().stream().map(c -> c.id().id())
				.filter(id -> !digests.containsKey(id)).toList(), entry.getKey());
		}
		findings.insert(added);
		findings.rejudge(changed);
		findings.resolve(gone, now);
		if (own != null) {
			// Chapter 8: closed by the recorder's own correction of his recording: kept closed, listed for review
			var cleared = gone.stream().filter(f -> f.resolution() == Resolution.FIXED).toList();
			findings.markOwnCorrection(cleared.stream().map(Finding::id).toList(), own.recorder());
			cleared.forEach(f -> events.publishEvent(new FindingClearedByOwnCorrection(f.id(), f.caseId(),
					own.recorder(), f.ruleId(), now)));
		}
		findings.recordHandlers(facts.stream().map(c -> range.outlines().get(c.id().id())).toList(), first, last);
		counts[0] += facts.size();
		counts[1] += added.size();
		counts[2] += changed.size();
		counts[3] += gone.size();
	}

	private static boolean differs(Finding f, Judgement j, RulePack pack) {
		return f.severity() != j.severity() || !f.detail().equals(j.detail()) || !f.deadline().equals(j.deadline())
				|| !f.rulePackVersion().equals(pack.version()) || !f.ruleId().equals(j.rule().id())
				|| !f.article().equals(j.rule().article());
	}

	/** Everyone's permanence, assistant role, certificate periods and suspensions, read once per run in three reads. */
	Roster roster() {
		var people = new HashMap<StaffId, Roster.Person>();
		var standing = staff.standingOfAll();
		for (var member : staff.all()) {
			var periods = standing.certificatesOf(member.id()).stream().map(ComplianceEvaluation::period).toList();
			var suspensions = standing.suspensionsOf(member.id()).stream()
				.map(s -> new Roster.Period(s.firstDay(), s.lastDay())).toList();
			people.put(member.id(), new Roster.Person(member.name(), member.permanent(),
					member.holds(Role.ASSISTANT), periods, suspensions));
		}
		return new Roster(people);
	}

	private static Roster.Period period(EnforcementCertificate c) {
		var to = c.revokedOn() != null && c.revokedOn().minusDays(1).isBefore(c.validTo()) ? c.revokedOn().minusDays(1)
				: c.validTo();
		return new Roster.Period(c.validFrom(), to);
	}

}
