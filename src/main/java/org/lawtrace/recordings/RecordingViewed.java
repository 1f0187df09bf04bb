package org.lawtrace.recordings;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/**
 * Someone read a recording's record, on its page or over the API: its labels (case number, parties, officers), times
 * and digests. The issue counts such a view among the security-relevant events (ART-22), so it is logged at once,
 * like a playback; listings are not, since they show many records at a glance and each opened one is logged here.
 * Published by {@link RecordingCatalog#view}, so pages and the API log alike.
 */
public record RecordingViewed(RecordingId recordingId, StaffId viewer) implements Audited.Logged, Audited.AtOnce {

	@Override
	public Entry entry() {
		return new Entry(viewer, "VIEW_METADATA", "RECORDING", recordingId.id().toString(), "metadata");
	}
}
