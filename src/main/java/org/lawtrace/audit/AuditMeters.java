package org.lawtrace.audit;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The audit log's operational metric (issue 16): how long ago the last checkpoint was signed, so an alert fires when
 * anchoring stops (ART-22: the log's trust rests on checkpoints anchored outside the database). Minus one with none.
 */
@Component
class AuditMeters {

	AuditMeters(MeterRegistry registry, Checkpoints checkpoints, Clock clock) {
		Gauge.builder("lawtrace.audit.checkpoint.age", checkpoints, c -> c.latest()
			.map(last -> (double) Duration.between(last.signedAt(), clock.instant()).toMillis() / 1000.0)
			.orElse(-1.0))
			.baseUnit("seconds").description("Seconds since the audit log's last signed checkpoint").register(registry);
	}
}
