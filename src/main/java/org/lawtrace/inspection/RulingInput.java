package org.lawtrace.inspection;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A sanction proposed by the discipline unit or decided by the director (ART-22): a suspension from duty
 * (暂停执法资格) needs its first and last day; the leaders held accountable where decided; the reason or note.
 */
public record RulingInput(@Nullable Sanction sanction, @Nullable LocalDate suspensionFrom,
		@Nullable LocalDate suspensionTo, @Nullable String leaders, @Nullable String reason) {
}
