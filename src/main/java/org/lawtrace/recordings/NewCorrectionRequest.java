package org.lawtrace.recordings;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What someone asks to have corrected in a recording after it arrived, and why: the recorder (a username), the
 * times, a move to another case ({@code caseId}) or taking it out of its case ({@code unlink}). Fields left
 * {@literal null} stay as they are.
 */
public record NewCorrectionRequest(@Nullable String recordedBy, @Nullable Instant startedAt, @Nullable Instant endedAt,
		@Nullable UUID caseId, @Nullable Boolean unlink, @Nullable String reason) {

	public boolean unlinks() {
		return Boolean.TRUE.equals(unlink);
	}
}
