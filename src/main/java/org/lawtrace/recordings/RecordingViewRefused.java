package org.lawtrace.recordings;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/**
 * ART-20: someone asked for a recording's content, or for a recording they may not see at all (a guessed or stale
 * id, an expired or revoked grant). Logged at once against the recording for the discipline unit: the refusal rolls
 * nothing forward that could carry it later.
 *
 * @param what what was refused: {@code content} or {@code metadata}
 */
public record RecordingViewRefused(StaffId actor, RecordingId recordingId, String what)
		implements Audited.Logged, Audited.AtOnce {

	static RecordingViewRefused content(StaffId actor, RecordingId recordingId) {
		return new RecordingViewRefused(actor, recordingId, "content");
	}

	static RecordingViewRefused metadata(StaffId actor, RecordingId recordingId) {
		return new RecordingViewRefused(actor, recordingId, "metadata");
	}

	@Override
	public Entry entry() {
		return Entry.refused(actor, "VIEW", "RECORDING", recordingId.toString(), what + " not open to the viewer");
	}
}
