package org.lawtrace.recordings;

import org.lawtrace.shared.Audited;

/** Someone asked for a recording's recorder, times or case link to be corrected, saying why (issue 11). */
public record CorrectionRequested(CorrectionRequest correction) implements Audited.Logged {

	@Override
	public Entry entry() {
		return new Entry(correction.requestedBy(), "CORRECTION_REQUESTED", "RECORDING",
				correction.recordingId().toString(), CorrectionDecided.describe(correction));
	}
}
