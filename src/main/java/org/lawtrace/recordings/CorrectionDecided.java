package org.lawtrace.recordings;

import org.lawtrace.shared.Audited;

/** A leader approved (and so applied) or rejected a correction of a recording (issue 11, ART-14). */
public record CorrectionDecided(CorrectionRequest correction) implements Audited.Logged {

	@Override
	public Entry entry() {
		var approved = correction.status() == CorrectionRequest.Status.APPROVED;
		return new Entry(correction.decidedBy(), approved ? "CORRECTION_APPROVED" : "CORRECTION_REJECTED", "RECORDING",
				correction.recordingId().toString(), describe(correction)
						+ (correction.appliedVersion() == null ? "" : " version=" + correction.appliedVersion())
						+ (correction.opinion() == null ? "" : " opinion=" + correction.opinion()));
	}

	static String describe(CorrectionRequest c) {
		var details = new StringBuilder("correction=" + c.id());
		if (c.recordedBy() != null) {
			details.append(" recordedBy=").append(c.recordedBy());
		}
		if (c.startedAt() != null) {
			details.append(" startedAt=").append(c.startedAt());
		}
		if (c.endedAt() != null) {
			details.append(" endedAt=").append(c.endedAt());
		}
		if (c.unlink()) {
			details.append(" unlink=true");
		}
		if (c.caseId() != null) {
			details.append(" case=").append(c.caseId());
		}
		if (c.caseBefore() != null) {
			details.append(" caseBefore=").append(c.caseBefore());
		}
		return details.append(" reason=").append(c.reason()).toString();
	}
}
