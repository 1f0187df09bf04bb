package org.lawtrace.recordings;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A change to what a recording records, with its reason. Fields left {@literal null} keep their current value;
 * {@code unlink} turns the recording back into a daily enforcement recording (日常执法记录).
 */
public record Correction(@Nullable UUID caseId, @Nullable List<UUID> stageIds, @Nullable Boolean unlink,
		@Nullable String recordedBy, @Nullable String deviceSerial, @Nullable Instant startedAt,
		@Nullable Instant endedAt, @Nullable String reason) {

	public boolean unlinks() {
		return Boolean.TRUE.equals(unlink);
	}
}
