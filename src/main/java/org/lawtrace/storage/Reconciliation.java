package org.lawtrace.storage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.lawtrace.shared.StoredContentReferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Reconciles the write-once store with the records that name its blobs (对账): a blob no record names, and a record
 * whose blob is missing, are reported to the custodian, at start-up in the log and on demand; nothing is ever deleted
 * (ART-15, ART-22(2)). The modules that hold records say which blobs they name, so no table of theirs is read here.
 * An upload commits its blob a moment before its row, so a blob may show as unreferenced while it is being recorded.
 */
@Service
public class Reconciliation {

	private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
	/** How many digests of each kind the log line names; the API lists them all. */
	private static final int LOGGED = 20;

	private final BlobStore store;
	private final List<StoredContentReferences> holders;
	private final org.springframework.beans.factory.ObjectProvider<org.lawtrace.shared.DispositionApprovals> destroyed;
	private final Clock clock;

	private final boolean atStart;

	Reconciliation(BlobStore store, List<StoredContentReferences> holders, Clock clock,
			org.springframework.beans.factory.ObjectProvider<org.lawtrace.shared.DispositionApprovals> destroyed,
			@Value("${lawtrace.storage.reconcile-at-start:true}") boolean atStart) {
		this.destroyed = destroyed;
		this.store = store;
		this.holders = holders;
		this.clock = clock;
		this.atStart = atStart;
	}

	/** A blob some records name that the store does not hold, and what kinds of record name it. */
	public record MissingBlob(String sha256, List<String> namedBy) {
	}

	/**
	 * @param storedBlobs how many blobs the store holds.
	 * @param referencedBlobs how many distinct blobs the records name.
	 * @param unreferenced blobs no record names, sorted.
	 * @param missing blobs records name but the store lacks, sorted.
	 */
	public record Report(Instant checkedAt, int storedBlobs, int referencedBlobs, List<String> unreferenced,
			List<MissingBlob> missing) {

		public boolean consistent() {
			return unreferenced.isEmpty() && missing.isEmpty();
		}
	}

	public Report reconcile() {
		var stored = store.inventory();
		Map<String, Set<String>> named = new TreeMap<>();
		for (var holder : holders) {
			for (var sha256 : holder.sha256s()) {
				named.computeIfAbsent(sha256.strip(), s -> new TreeSet<>()).add(holder.kind());
			}
		}
		// blobs destroyed under an approved disposition (ART-16) are named by records that keep their metadata
		destroyed.forEach(d -> named.keySet().removeAll(d.destroyedSha256s()));
		var unreferenced = new TreeSet<>(stored);
		unreferenced.removeAll(named.keySet());
		var missing = new ArrayList<MissingBlob>();
		named.forEach((sha256, kinds) -> {
			if (!stored.contains(sha256)) {
				missing.add(new MissingBlob(sha256, List.copyOf(kinds)));
			}
		});
		return new Report(clock.instant(), stored.size(), named.size(),
				List.copyOf(unreferenced), List.copyOf(missing));
	}

	/**
	 * At start, in the background: walking a large store must not hold up the server's readiness. Commands that run
	 * and exit (evaluate-compliance) turn it off: it read every record's digest beside their own work, and its report
	 * went to a log they silence.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void atStartUp() {
		if (!atStart) {
			return;
		}
		var reconciling = new Thread(this::reconcileAndLog, "store-reconciliation");
		reconciling.setDaemon(true);
		reconciling.start();
	}

	private void reconcileAndLog() {
		try {
			var report = reconcile();
			if (report.consistent()) {
				log.info("Store reconciled: {} blobs, every one named by a record, every named blob present",
						report.storedBlobs());
				return;
			}
			log.warn("STORE AND RECORDS DISAGREE (custodian: GET /api/v1/storage/reconciliation): {} blob(s) named by no "
					+ "record {}, {} record-named blob(s) missing from the store {}; nothing was deleted",
					report.unreferenced().size(), first(report.unreferenced()), report.missing().size(),
					first(report.missing().stream().map(m -> m.sha256() + " (" + String.join(",", m.namedBy()) + ")")
						.toList()));
		}
		catch (RuntimeException e) {
			log.warn("Could not reconcile the store with the records at start-up", e);
		}
	}

	private static List<String> first(List<String> all) {
		return all.size() <= LOGGED ? all : all.subList(0, LOGGED);
	}
}
