package org.lawtrace.inspection;

import org.lawtrace.shared.Audited;

/** A violation signal entered the discipline unit's queue (ART-22); logged once it commits. */
public record SignalRaised(Signal signal) implements Audited.Logged {

	@Override
	public Entry entry() {
		return new Entry(null, "VIOLATION_SIGNAL_RAISED", "VIOLATION_SIGNAL", signal.id().toString(),
				"kind=" + signal.kind() + " source=" + signal.sourceKey()
						+ (signal.staff() == null ? "" : " staff=" + signal.staff()));
	}
}
