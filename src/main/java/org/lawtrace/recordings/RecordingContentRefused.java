package org.lawtrace.recordings;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/**
 * ART-20: someone asked for a recording's content without a grant or another reason it is open to them (an expired
 * or revoked grant, a guessed id). Logged at once: the refusal rolls nothing forward that could carry it later.
 */
public record RecordingContentRefused(StaffId actor, RecordingId recordingId) implements Audited.AtOnce {

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
		return "content not open to the viewer";
	}
}
