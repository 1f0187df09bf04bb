package org.lawtrace.cases;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.CaseNumber;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.StageId;
import org.lawtrace.shared.UnitId;

/**
 * What other modules need of a case when they look at many cases at once (compliance re-evaluates all of them):
 * its number and title, kind, handling unit, when it was opened, whether it is still open, whether it names a party, its handlers and its stages with who was
 * present at each.
 */
public record CaseOutline(CaseId id, CaseNumber caseNumber, String title, CaseKind kind, UnitId unit,
		Instant openedAt, boolean open, boolean hasParty, List<StaffId> handlers, List<StageOutline> stages) {

	public CaseOutline {
		handlers = List.copyOf(handlers);
		stages = List.copyOf(stages);
	}

	/** One stage (环节) of the case, with the staff present at it. */
	public record StageOutline(StageId id, StageKind kind, Instant start, @Nullable Instant end,
			List<StaffId> present) {

		public StageOutline {
			present = List.copyOf(present);
		}
	}
}
