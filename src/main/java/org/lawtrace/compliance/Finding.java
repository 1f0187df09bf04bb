package org.lawtrace.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.StageId;

/**
 * A finding (检查发现) of the completeness checks: which rule, under which article and rule-pack version, found what
 * about which case, stage or recording, since when, by when it should be fixed, and how it was resolved.
 */
public record Finding(UUID id, CaseId caseId, @Nullable StageId stageId, @Nullable RecordRef record, String key,
		String ruleId, String article, Severity severity, String detail, LocalDate deadline, String rulePackVersion,
		Instant foundAt, Instant judgedAt, @Nullable Instant resolvedAt, @Nullable Resolution resolution) {

	public boolean open() {
		return resolvedAt == null;
	}
}
