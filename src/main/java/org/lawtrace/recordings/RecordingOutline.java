package org.lawtrace.recordings;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.StageId;

/**
 * What other modules need of a recording linked to a case when they look at many cases at once: its kind, current
 * recorder, device, times, when it was stored, what the device ledger said of the device, and its stages.
 */
public record RecordingOutline(RecordingId id, RecordingKind kind, CaseId caseId, StaffId recordedBy,
		@Nullable String deviceSerial, Instant startedAt, Instant endedAt, Instant uploadedAt,
		@Nullable DeviceFinding deviceFinding, List<StageId> stageIds) {

	public RecordingOutline {
		stageIds = List.copyOf(stageIds);
	}
}
