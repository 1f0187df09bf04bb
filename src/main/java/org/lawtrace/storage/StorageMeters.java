package org.lawtrace.storage;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The store's operational metrics (issue 16): the replication queue (blobs waiting for, and failing, their off-site
 * copy, and the lag) and the fixity audit's (copies not yet checked this cycle, copies known bad). Each scrape asks
 * the database; the derivation queue is Spring's task executor's ({@code executor.queued}).
 */
@Component
class StorageMeters {

	StorageMeters(MeterRegistry registry, ReplicationStatus replication, FixityReports fixity) {
		Gauge.builder("lawtrace.replication.pending", replication, r -> r.state().pending())
			.description("Blobs waiting for their off-site copy").register(registry);
		Gauge.builder("lawtrace.replication.failing", replication, r -> r.state().failing())
			.description("Blobs whose off-site copy keeps failing").register(registry);
		Gauge.builder("lawtrace.replication.lag", replication,
				r -> r.state().lag() == null ? 0 : r.state().lag().toMillis() / 1000.0)
			.baseUnit("seconds").description("Age of the oldest blob waiting for its off-site copy").register(registry);
		Gauge.builder("lawtrace.fixity.due", fixity, f -> {
			var status = f.status();
			return Math.max(0, status.copies() - status.copiesCheckedThisCycle());
		}).description("Copies not yet checked in this fixity cycle").register(registry);
		Gauge.builder("lawtrace.fixity.known.bad", fixity, f -> f.status().knownBad())
			.description("Copies whose last fixity check failed, not yet repaired").register(registry);
	}
}
