package org.lawtrace.recordings;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.StageId;
import org.lawtrace.shared.StaffId;

/** A new audio-visual record was stored whole (ART-15.1). */
public record RecordingIngested(RecordingId recordingId, ContentDigest digest, RecordingKind kind, StaffId recordedBy,
		@Nullable String deviceSerial, Instant startedAt, Instant endedAt, @Nullable CaseId caseId,
		List<StageId> stageIds, StaffId uploadedBy, Instant uploadedAt, Channel channel) {
}
