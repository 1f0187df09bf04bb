package org.lawtrace.compliance;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * Counts the judgements this instance has committed, so that what is worked out from the findings (the dashboard's
 * sums) can tell it is still current without asking the database.
 */
@Component
class JudgementsMade {

	private final AtomicLong committed = new AtomicLong();

	void committed() {
		committed.incrementAndGet();
	}

	long count() {
		return committed.get();
	}
}
