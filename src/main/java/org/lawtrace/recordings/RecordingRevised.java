package org.lawtrace.recordings;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/**
 * A recording's links or metadata were corrected: a new revision, the earlier ones kept. Its REVISION entry is
 * appended within the revision's own transaction and says what the revision holds (recorder, case), so the rows can
 * be checked against the log (ART-22); the free-text reason comes last.
 */
public record RecordingRevised(RecordingId recordingId, Revision revision, StaffId changedBy) implements Audited.Within {

	@Override
	public StaffId actor() {
		return changedBy;
	}

	@Override
	public String action() {
		return "REVISION";
	}

	@Override
	public String subjectType() {
		return "RECORDING";
	}

	@Override
	public String subjectId() {
		return recordingId.toString();
	}

	@Override
	public String details() {
		var r = revision;
		return "version=" + r.version() + " case=" + (r.caseId() == null ? "-" : r.caseId()) + " stages="
				+ r.stageIds().size() + " recordedById=" + r.recordedBy().id() + " reason=" + r.reason();
	}
}
