package org.lawtrace.inspection;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A spot-check plan as the discipline unit asks for it (ART-21): its records' period, units and/or officers (ids),
 * record kinds, a sample size or a percentage, the checklist (empty: the configured default) and the inspectors
 * (ids of discipline staff). {@code reviewUntil} ends the inspectors' access (empty: the period's end).
 */
public record NewPlan(@Nullable String title, @Nullable LocalDate from, @Nullable LocalDate to,
		@Nullable LocalDate reviewUntil, @Nullable List<RecordKind> kinds, @Nullable Integer sampleSize,
		@Nullable Integer samplePercent, @Nullable List<UUID> units, @Nullable List<UUID> officers,
		@Nullable List<UUID> inspectors, @Nullable List<String> checklist) {
}
