package org.lawtrace.storage;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness of the write-once store (issue 16): it answers a lookup (a file system's folder, an object store's
 * bucket). Part of {@code /actuator/health/readiness} with the database, so a load balancer sends no upload or
 * playback to an instance that cannot reach its store. Says nothing of where the store is.
 */
@Component("storeHealthIndicator")
class BlobStoreHealth extends AbstractHealthIndicator {

	private final BlobStore store;

	BlobStoreHealth(BlobStore store) {
		super("the blob store could not be reached");
		this.store = store;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		store.requireReachable();
		builder.up();
	}
}
