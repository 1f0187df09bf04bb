package org.lawtrace.compliance;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.StageKind;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StageId;

/**
 * A case's completeness checklist (合规检查清单): per stage a light with the open and resolved findings, and the
 * findings about the case as a whole; each finding names the rule-pack version it was judged under.
 *
 * @param pending the checks have not yet run since the latest stage was recorded (they run just after, on the
 *        stage's event): until they have, the light says nothing, and the page says 检查中 rather than 完整.
 */
public record Checklist(CaseId caseId, String caseNumber, Light light, String rulePackVersion,
		@Nullable Instant evaluatedAt, List<StageCheck> stages, List<Finding> caseFindings, boolean pending) {

	/**
	 * Whether there is anything to judge yet: a case with no stage recorded is not complete, only not started, and
	 * its light is not shown as 完整 (ART-06).
	 */
	public boolean started() {
		return !stages.isEmpty();
	}

	public record StageCheck(StageId stageId, StageKind kind, Instant startedAt, @Nullable Instant endedAt,
			boolean avMandatory, String article, Light light, @Nullable Exemption exemption, List<Finding> open,
			List<Finding> resolved) {
	}
}
