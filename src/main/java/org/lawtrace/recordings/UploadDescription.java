package org.lawtrace.recordings;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What the uploader says about a file: who recorded it (required), the device, the times (used only where the file
 * carries none), the case and stages it records, and the SHA-256 the client computed, if any.
 */
public record UploadDescription(@Nullable String recordedBy, @Nullable String deviceSerial, @Nullable Instant startedAt,
		@Nullable Instant endedAt, @Nullable UUID caseId, List<UUID> stageIds, @Nullable String sha256) {

	public UploadDescription {
		stageIds = stageIds == null ? List.of() : List.copyOf(stageIds);
	}
}
