package org.lawtrace.storage;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/** Wakes the replication worker when a blob was queued, so a continuous replica does not wait for its next poll. */
@Component
class ReplicationNudge {

	private final Semaphore signal = new Semaphore(0);

	void nudge() {
		if (signal.availablePermits() == 0) {
			signal.release();
		}
	}

	/** Waits until nudged or {@code atMost} has passed. */
	void await(Duration atMost) throws InterruptedException {
		if (signal.tryAcquire(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
			signal.drainPermits();
		}
	}
}
