package org.lawtrace.recordings;

import org.lawtrace.shared.StaffId;

/** A recording's links or metadata were corrected: a new revision, the earlier ones kept. */
public record RecordingRevised(RecordingId recordingId, Revision revision, StaffId changedBy) {
}
