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
 */
public record Checklist(CaseId caseId, String caseNumber, Light light, String rulePackVersion,
		@Nullable Instant evaluatedAt, List<StageCheck> stages, List<Finding> caseFindings) {

	public record StageCheck(StageId stageId, StageKind kind, Instant startedAt, @Nullable Instant endedAt,
			boolean avMandatory, String article, Light light, @Nullable Exemption exemption, List<Finding> open,
			List<Finding> resolved) {
	}
}
