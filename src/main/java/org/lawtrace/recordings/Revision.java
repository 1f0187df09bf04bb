package org.lawtrace.recordings;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StageId;
import org.lawtrace.shared.StaffId;

/**
 * One version of what a recording records: who made it, on which device, when, and which case and stages it
 * belongs to, with what the device ledger said of that device then. Version 1 is what the uploader said; each later
 * one says who changed what, when and why.
 */
public record Revision(UUID id, int version, StaffId recordedBy, @Nullable String deviceSerial, Instant startedAt,
		Instant endedAt, @Nullable CaseId caseId, List<StageId> stageIds, StaffId changedBy, Instant changedAt,
		String reason, @Nullable DeviceFinding deviceFinding) {

	public Revision {
		stageIds = List.copyOf(stageIds);
	}

	/** 日常执法记录: not yet linked to a case. */
	public boolean unlinked() {
		return caseId == null;
	}
}
