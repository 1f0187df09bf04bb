package org.lawtrace.recordings;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/** Someone asked for a recording's recorder, times or case link to be corrected, saying why (issue 11). */
public record CorrectionRequested(CorrectionRequest correction) implements Audited {

	@Override
	public StaffId actor() {
		return correction.requestedBy();
	}

	@Override
	public String action() {
		return "CORRECTION_REQUESTED";
	}

	@Override
	public String subjectType() {
		return "RECORDING";
	}

	@Override
	public String subjectId() {
		return correction.recordingId().toString();
	}

	@Override
	public String details() {
		return CorrectionDecided.describe(correction);
	}
}
