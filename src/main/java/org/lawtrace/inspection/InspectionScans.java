package org.lawtrace.inspection;

import org.springframework.stereotype.Service;

/** Runs the signal scans now rather than at their next schedule (ART-22 (1)); idempotent. */
@Service
public class InspectionScans {

	private final OverdueRecordingsScan overdue;

	InspectionScans(OverdueRecordingsScan overdue) {
		this.overdue = overdue;
	}

	/** @return how many new signals were raised. */
	public int scan() {
		return overdue.scan();
	}
}
