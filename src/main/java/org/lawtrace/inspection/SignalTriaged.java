package org.lawtrace.inspection;

import org.lawtrace.shared.Audited;

/** The discipline unit dismissed a signal with a reason, or registered a violation from it (ART-22). */
public record SignalTriaged(Signal signal) implements Audited.Logged {

	@Override
	public Entry entry() {
		return new Entry(signal.triagedBy(), "VIOLATION_SIGNAL_TRIAGED", "VIOLATION_SIGNAL", signal.id().toString(),
				"state=" + signal.state() + (signal.violationId() == null ? "" : " violation=" + signal.violationId()));
	}
}
