package org.lawtrace.recordings;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/**
 * ART-20: someone asked for a recording they may not see at all (a guessed or stale id): answered as if it did not
 * exist, and logged at once against the recording for the discipline unit.
 */
public record RecordingMetadataRefused(StaffId actor, RecordingId recordingId) implements Audited.AtOnce {

	@Override
	public String action() {
		return "VIEW";
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
	public String outcome() {
		return "REFUSED";
	}

	@Override
	public String details() {
		return "metadata not open to the viewer";
	}
}
