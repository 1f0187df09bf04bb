package org.lawtrace.inspection;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A violation as the discipline unit registers it: the officers by username, the item of ART-22 (1 to 6), where it
 * came from, and the facts.
 */
public record NewViolation(@Nullable List<String> officers, @Nullable Integer item,
		@Nullable List<Violation.Source> sources, @Nullable String facts) {
}
