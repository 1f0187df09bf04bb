package org.lawtrace.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Checks the record tables against the audit log on a schedule ({@code lawtrace.audit.verify-records-every}, daily
 * by default; ISO-8601 such as {@code PT6H}), so a row edited by SQL is found without anyone asking (ART-22, issue
 * 12). Each differing record raises an alarm; the run itself is logged. Not in a command's context
 * ({@code verify-only}), which only reads.
 */
@Component
class RecordsVerificationSchedule {

	private static final Logger LOG = LoggerFactory.getLogger(RecordsVerificationSchedule.class);

	private final RecordsVerifier verifier;
	private final boolean verifyOnly;

	RecordsVerificationSchedule(RecordsVerifier verifier,
			@Value("${lawtrace.audit.verify-only:false}") boolean verifyOnly) {
		this.verifier = verifier;
		this.verifyOnly = verifyOnly;
	}

	@Scheduled(fixedDelayString = "${lawtrace.audit.verify-records-every:P1D}",
			initialDelayString = "${lawtrace.audit.verify-records-every:P1D}")
	// one run per period in the whole cluster (ADR 0020)
	@SchedulerLock(name = "audit-records-verification", lockAtLeastFor = "${lawtrace.audit.verify-records-every:P1D}",
			lockAtMostFor = "${lawtrace.audit.verify-records-every:P1D}")
	void run() {
		if (verifyOnly) {
			return;
		}
		var result = verifier.verifyAndAlert("system");
		if (result.clean()) {
			LOG.info("Records against the audit log: {}", result.report().lines().findFirst().orElse(""));
		}
		else {
			LOG.error("Records against the audit log: {}", result.report());
		}
	}
}
