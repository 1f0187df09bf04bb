package org.lawtrace.recordings;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/**
 * An attempt the rules turned down to re-label or detach a recording without approval (a revision that would be a
 * correction, or touch a closed case), or to ask for or decide a correction: logged at once, since the work it
 * attempted is rolled back and an after-commit event would never be delivered.
 */
public record CorrectionRefused(StaffId actor, String action, RecordingId recordingId, String reason)
		implements Audited.Logged, Audited.AtOnce {

	@Override
	public Entry entry() {
		return Entry.refused(actor, action, "RECORDING", recordingId.toString(), "reason=" + reason);
	}
}
