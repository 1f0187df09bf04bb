package org.lawtrace.storage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.IntegrityAlarm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Copies every blob of the primary store to the off-site replica (异地备份, ART-15.3) through the durable queue: a
 * worker thread takes due rows (several instances share the queue safely), copies each blob, reads the replica's copy
 * back and checks its SHA-256 and size (and SM3 too, where {@code read-back} says so; otherwise the copy's first fixity
 * check recomputes its SM3, ADR 0032) against the primary's, and only then marks the row verified. A failed copy is
 * retried with doubling back-off; one that keeps failing, or a copy that reads back differently, raises an
 * {@link IntegrityAlarm}. A catch-up at start and periodically queues every primary blob that has no row, so a crash
 * between placing a blob and queuing it loses nothing. Copies run all day ({@code continuous}) or only within a
 * nightly window ({@code window}), as the bureau sets.
 */
@Service
public class Replication implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Replication.class);
	/** Failures the custodian's view lists; the count covers them all. */
	private static final int LISTED_FAILURES = 50;

	private final Replica replica;
	private final BlobStore primary;
	private final ReplicationQueue queue;
	private final ReplicationNudge nudge;
	private final StorageProperties.Replica settings;
	private final BureauTime time;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transaction;
	private final LocalTime windowFrom;
	private final LocalTime windowTo;
	private volatile @Nullable Thread worker;
	private volatile boolean stopping;
	private volatile @Nullable Instant lastCatchUp;
	private final Anchors anchors;
	private final java.util.Set<String> anchorsOnReplica = java.util.concurrent.ConcurrentHashMap.newKeySet();
	private volatile @Nullable Instant lastAnchorCopy;
	/** Anchors are written every minute or so; they follow at that pace. */
	private static final Duration ANCHORS_EVERY = Duration.ofMinutes(1);

	Replication(Replica replica, Copies copies, ReplicationQueue queue, ReplicationNudge nudge,
			StorageProperties properties, BureauTime time, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, Anchors anchors) {
		this.anchors = anchors;
		this.replica = replica;
		// the primary copy as it lies: BlobCopy checks both digests itself, and a damaged copy must fail the copy
		// here rather than be served from the replica by the checked store
		this.primary = copies.primary();
		this.queue = queue;
		this.nudge = nudge;
		this.settings = properties.replica();
		this.time = time;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
		var window = settings.window().split("-");
		if (window.length != 2) {
			throw new IllegalStateException("lawtrace.storage.replica.window must be HH:mm-HH:mm, not " + settings.window());
		}
		this.windowFrom = LocalTime.parse(window[0].strip());
		this.windowTo = LocalTime.parse(window[1].strip());
	}

	/**
	 * Where replication stands, for the custodian (no record content: digests, counts and times).
	 *
	 * @param sm3ReadBack whether a copy's read-back recomputes SM3 as well as SHA-256 and size; when not, the copy's
	 *        first fixity check does (ADR 0032).
	 */
	public record State(boolean configured, @Nullable String replicaKind, @Nullable String schedule,
			@Nullable String window, boolean copyingNow, long blobs, long verified, long pending, long failing,
			@Nullable Instant oldestPendingSince, @Nullable Duration lag, @Nullable Instant lastVerifiedAt,
			List<Failure> failures, MetadataExport.@Nullable Export lastExport,
			MetadataExport.@Nullable Export lastGoodExport, boolean sm3ReadBack) {
	}

	/** A blob whose copy keeps failing, with the last error. */
	public record Failure(String sha256, int attempts, @Nullable String lastError, @Nullable Instant failedAt,
			Instant nextAttemptAt) {
	}

	State state(MetadataExport exports) {
		if (!replica.configured()) {
			return new State(false, null, null, null, false, 0, 0, 0, 0, null, null, null, List.of(), null, null,
					settings.readBack().withSm3());
		}
		var counts = queue.counts();
		var now = time.now();
		var lag = counts.oldestPendingSince() == null ? Duration.ZERO
				: Duration.between(counts.oldestPendingSince(), now);
		var failures = queue.failures(LISTED_FAILURES).stream()
			.map(f -> new Failure(f.sha256(), f.attempts(), f.lastError(), f.failedAt(), f.nextAttemptAt()))
			.toList();
		return new State(true, settings.type().name(), settings.schedule().name(),
				settings.schedule() == StorageProperties.Schedule.WINDOW ? settings.window() : null, open(now),
				counts.blobs(), counts.verified(), counts.pending(), counts.failing(), counts.oldestPendingSince(), lag,
				counts.lastVerifiedAt(), failures, exports.last(false).orElse(null), exports.last(true).orElse(null),
				settings.readBack().withSm3());
	}

	/** Starts the worker once the application is ready; nothing runs without a replica. */
	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!replica.configured() || worker != null) {
			return;
		}
		var thread = new Thread(this::work, "replication");
		thread.setDaemon(true);
		worker = thread;
		thread.start();
		log.info("Off-site replica ({}): copying {}", settings.type(),
				settings.schedule() == StorageProperties.Schedule.CONTINUOUS ? "continuously"
						: "within " + settings.window() + " (" + time.zone() + ")");
	}

	@Override
	public void destroy() throws InterruptedException {
		stopping = true;
		var thread = worker;
		if (thread != null) {
			thread.interrupt();
			thread.join(Duration.ofSeconds(30).toMillis());
		}
	}

	private void work() {
		while (!stopping) {
			try {
				catchUpIfDue();
				if (open(time.now())) {
					copyAnchorsIfDue();
				}
				while (!stopping && open(time.now()) && copyNext()) {
					// one blob at a time until the queue has nothing due
				}
				nudge.await(settings.pollEvery());
			}
			catch (InterruptedException e) {
				return;
			}
			catch (RuntimeException e) {
				if (stopping) {
					return;
				}
				log.warn("Replication worker: {}; trying again in {}", e.toString(), settings.pollEvery());
				try {
					Thread.sleep(settings.pollEvery().toMillis());
				}
				catch (InterruptedException stopped) {
					return;
				}
			}
		}
	}

	/** Queues every primary blob without a row; returns how many were added. */
	public int catchUp() {
		var added = queue.enqueueMissing(primary.inventory(), time.now());
		lastCatchUp = time.now();
		if (added > 0) {
			log.warn("Replication catch-up: queued {} stored blob(s) that had no row (stored while the queue was "
					+ "unreachable, or before the replica was configured)", added);
		}
		return added;
	}

	/**
	 * Copies the anchors (the audit log's signed checkpoints, ADR 0008) that the replica lacks, each read back and
	 * compared byte for byte; returns how many were copied.
	 */
	public int copyAnchors() {
		var target = replica.anchors().orElse(null);
		if (target == null) {
			return 0;
		}
		if (anchorsOnReplica.isEmpty()) {
			anchorsOnReplica.addAll(target.list());
		}
		var copied = 0;
		for (var name : anchors.list()) {
			if (anchorsOnReplica.contains(name)) {
				continue;
			}
			var content = anchors.read(name).orElse(null);
			if (content == null) {
				continue;
			}
			try {
				target.write(name, content);
				copied++;
			}
			catch (NamedObjects.NameTaken already) {
				// written by another instance, or before a restart: checked below all the same
			}
			var back = target.read(name).orElse(null);
			if (back == null || !java.util.Arrays.equals(back, content)) {
				alarm("REPLICA_COPY_DIFFERS", "ANCHOR", name, "异地备份中的审计锚点与原件不一致 (the replica's copy of anchor " + name
						+ " differs from the primary's)");
				continue;
			}
			anchorsOnReplica.add(name);
		}
		lastAnchorCopy = time.now();
		if (copied > 0) {
			log.info("Copied {} anchor(s) to the off-site replica, read back and compared", copied);
		}
		return copied;
	}

	private void copyAnchorsIfDue() {
		var last = lastAnchorCopy;
		if (last == null || !time.now().isBefore(last.plus(ANCHORS_EVERY))) {
			try {
				copyAnchors();
			}
			catch (RuntimeException e) {
				log.warn("Could not copy the anchors to the off-site replica now: {}", e.toString());
				lastAnchorCopy = time.now();
			}
		}
	}

	private void catchUpIfDue() {
		var last = lastCatchUp;
		if (last == null || !time.now().isBefore(last.plus(settings.catchUpEvery()))) {
			catchUp();
		}
	}

	/** Whether copies may run now: always, or within the nightly window in bureau time. */
	boolean open(Instant now) {
		if (settings.schedule() == StorageProperties.Schedule.CONTINUOUS) {
			return true;
		}
		var local = now.atZone(time.zone()).toLocalTime();
		if (windowFrom.equals(windowTo)) {
			return true;
		}
		if (windowFrom.isBefore(windowTo)) {
			return !local.isBefore(windowFrom) && local.isBefore(windowTo);
		}
		return !local.isBefore(windowFrom) || local.isBefore(windowTo);
	}

	/**
	 * Copies the next due blob, if any, whatever the schedule (the worker asks {@link #open} first).
	 *
	 * @return whether a row was taken.
	 */
	boolean copyNext() {
		var store = replica.store().orElseThrow(() -> new IllegalStateException("no replica is configured"));
		Optional<ReplicationQueue.Claim> next = queue.claim(time.now(), settings.lease());
		if (next.isEmpty()) {
			return false;
		}
		var claim = next.get();
		var started = time.now();
		try {
			var withSm3 = settings.readBack().withSm3();
			var copied = BlobCopy.copy(primary, store, claim.sha256(), claim.known(), withSm3);
			var verifiedAt = time.now();
			queue.verified(copied.digest(), started, verifiedAt);
			log.info("Replicated blob {} ({} bytes{}) in {} ms; read back, {} ({})", claim.sha256(),
					copied.digest().sizeBytes(), copied.alreadyPresent() ? ", already on the replica" : "",
					Duration.between(started, verifiedAt).toMillis(),
					withSm3 ? "SHA-256, SM3 and size verified"
							: "SHA-256 and size verified (the copy's SM3 at its first fixity check)",
					copied.readBackAsWritten()
							? "copied durably and read back as it was written in " + copied.copying().toMillis()
									+ " ms, checked and placed in " + copied.checking().toMillis() + " ms"
							: "copied durably in " + copied.copying().toMillis() + " ms, read back and checked in "
									+ copied.checking().toMillis() + " ms");
		}
		catch (BlobCopy.Failed e) {
			failed(claim, e.getMessage(), e.kind());
		}
		catch (RuntimeException e) {
			failed(claim, e.toString(), null);
		}
		return true;
	}

	private void failed(ReplicationQueue.Claim claim, String error, @Nullable String alarmAtOnce) {
		var now = time.now();
		var backOff = settings.retryAfter().multipliedBy(1L << Math.min(20, claim.attempts() - 1));
		if (backOff.compareTo(settings.retryAtMost()) > 0) {
			backOff = settings.retryAtMost();
		}
		queue.failed(claim.sha256(), error, now, now.plus(backOff));
		log.warn("Replicating blob {} failed (attempt {}), next try in {}: {}", claim.sha256(), claim.attempts(),
				backOff, error);
		if (BlobCopy.Failed.COPY_DIFFERS.equals(alarmAtOnce)) {
			alarm("REPLICA_COPY_DIFFERS", "BLOB", claim.sha256(),
					"异地备份副本与原件不一致 (the replica's copy, read back, differs from the primary): " + error);
		}
		else if (BlobCopy.Failed.SOURCE_DIFFERS.equals(alarmAtOnce)) {
			alarm("FIXITY_FAILED", "BLOB", claim.sha256(),
					"原件与其摘要不一致，未复制 (the primary's copy no longer matches its digest; not copied): " + error);
		}
		else if (claim.attempts() == settings.alarmAfter()) {
			alarm("REPLICA_COPY_FAILED", "BLOB", claim.sha256(), "异地备份连续 " + claim.attempts()
					+ " 次复制失败 (copying to the off-site replica failed " + claim.attempts() + " times): " + error);
		}
	}

	private void alarm(String kind, String subjectType, String subjectId, String detail) {
		// inside a transaction, so listeners bound to a commit hear it too
		transaction.executeWithoutResult(
				status -> events.publishEvent(new IntegrityAlarm(kind, subjectType, subjectId, detail)));
	}
}
