package org.lawtrace.cases;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StageId;
import org.lawtrace.shared.StaffId;

/** A stage (环节) of a case: what was done, when and where, and which staff were present (ART-06). */
public record Stage(StageId id, CaseId caseId, StageKind kind, Instant startedAt, @Nullable Instant endedAt,
		@Nullable String place, List<StaffId> present, @Nullable String note, StaffId recordedBy, Instant recordedAt) {

	public Stage {
		present = List.copyOf(present);
	}

	public boolean avMandatory() {
		return kind.avMandatory();
	}
}
