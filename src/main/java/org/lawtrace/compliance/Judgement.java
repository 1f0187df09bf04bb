package org.lawtrace.compliance;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.StageId;

/**
 * What one rule found about one case, stage or recording in one evaluation. {@code key} names the gap itself
 * (rule, subject and kind of gap), so the same gap found again keeps its "since when".
 */
record Judgement(String key, Rule rule, Severity severity, @Nullable StageId stage, @Nullable RecordRef record,
		String detail, LocalDate deadline) {
}
