package org.lawtrace.inspection;

import java.util.stream.Collectors;

import org.lawtrace.cases.CaseManagement;
import org.lawtrace.compliance.CaseCompliance;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.staff.StaffDirectory;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.stereotype.Component;

/**
 * ART-22 (1), not recording: each open finding that a required recording is missing, once its deadline has passed,
 * raises a signal naming the case's handlers. Idempotent (one signal per finding), so it may run on every instance
 * and as often as asked.
 */
@Component
class OverdueRecordingsScan {

	private static final int BATCH = 500;

	private final CaseCompliance compliance;
	private final CaseManagement cases;
	private final StaffDirectory staff;
	private final ViolationSignals signals;
	private final BureauTime time;

	OverdueRecordingsScan(CaseCompliance compliance, CaseManagement cases, StaffDirectory staff,
			ViolationSignals signals, BureauTime time) {
		this.compliance = compliance;
		this.cases = cases;
		this.staff = staff;
		this.signals = signals;
		this.time = time;
	}

	@Scheduled(fixedDelayString = "${lawtrace.inspection.scan-every:PT1H}", initialDelayString = "PT10M")
	@SchedulerLock(name = "inspection-overdue-recordings-scan", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
	void onSchedule() {
		scan();
	}

	/** @return how many new signals it raised. */
	int scan() {
		var raised = 0;
		for (var finding : compliance.overdueMissingRecordings(time.today(), BATCH)) {
			var c = cases.require(finding.caseId());
			var handlers = staff.byIds(c.handlers());
			var names = handlers.stream().map(m -> m.name()).collect(Collectors.joining("、"));
			var first = c.handlers().isEmpty() ? null : c.handlers().get(0);
			if (signals.raise(SignalKind.MISSING_RECORDING, "finding:" + finding.id(), first, "CASE",
					c.id().id().toString(), "案件 " + c.caseNumber().value() + " 应录未录，整改期限 " + finding.deadline()
							+ " 已过：" + finding.detail() + "；承办人：" + names,
					finding.foundAt()).isPresent()) {
				raised++;
			}
		}
		return raised;
	}
}
