package org.lawtrace.recordings.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.recordings.UploadDescription;

/**
 * The upload page's {@code metadata} part: the API's description, except that the times come from
 * {@code datetime-local} inputs without a zone and are read as the bureau's local time, whatever zone the
 * browser is in.
 */
record UploadPageMetadata(@Nullable String recordedBy, @Nullable String deviceSerial,
		@Nullable LocalDateTime startedAt, @Nullable LocalDateTime endedAt, @Nullable UUID caseId,
		@Nullable List<UUID> stageIds) {

	UploadDescription description(ZoneId zone) {
		return new UploadDescription(recordedBy, deviceSerial == null || deviceSerial.isBlank() ? null
				: deviceSerial.strip(), startedAt == null ? null : startedAt.atZone(zone).toInstant(),
				endedAt == null ? null : endedAt.atZone(zone).toInstant(), caseId,
				stageIds == null ? List.of() : stageIds, null);
	}
}
