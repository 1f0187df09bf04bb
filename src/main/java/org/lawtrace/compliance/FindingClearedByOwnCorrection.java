package org.lawtrace.compliance;

import java.time.Instant;
import java.util.UUID;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StaffId;

/**
 * A finding closed because its own recorder corrected the recording's times or recorder (Chapter 8, ART-22): the
 * correction was approved, but a recorder clearing his own finding is listed for the discipline unit's review.
 * Logged on the case; the inspection module listens to it as a violation signal.
 */
public record FindingClearedByOwnCorrection(UUID findingId, CaseId caseId, StaffId recorder, String ruleId,
		Instant at) implements Audited.Logged {

	@Override
	public Entry entry() {
		return new Entry(recorder, "FINDING_CLEARED_BY_OWN_CORRECTION", "CASE", caseId.id().toString(),
				"finding=" + findingId + " rule=" + ruleId);
	}
}
