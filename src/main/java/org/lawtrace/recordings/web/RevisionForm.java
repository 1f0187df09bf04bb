package org.lawtrace.recordings.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.recordings.Correction;
import org.lawtrace.recordings.NewCorrectionRequest;
import org.lawtrace.shared.CaseId;
import org.lawtrace.recordings.web.RecordingViews.RecordingView;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The form that links a recording to a case and stages or corrects what it records (ART-06, ART-15.2). A blank
 * field keeps the current value, so the times, which a {@code datetime-local} input would cut to the minute,
 * change only when typed; they are read as the bureau's local time. A case chosen with no stage ticked is linked
 * to the case alone.
 */
record RevisionForm(@Nullable String caseNumber, @Nullable UUID caseId, @Nullable List<UUID> stageIds,
		@Nullable Boolean unlink, @Nullable String recordedBy, @Nullable String deviceSerial,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime startedAt,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime endedAt,
		@Nullable String reason) {

	static final Set<String> FIELDS = Set.of("caseId", "stageIds", "recordedBy", "deviceSerial", "startedAt",
			"endedAt", "reason");

	/** The form as it first shows: the recording's current case, stages, recorder and device. */
	static RevisionForm of(RecordingView current, @Nullable String caseNumber) {
		return new RevisionForm(caseNumber, current.caseId(), current.stageIds(), false,
				current.recordedBy().username(), current.deviceSerial(), null, null, "");
	}

	Correction toCorrection(ZoneId zone) {
		var unlinks = Boolean.TRUE.equals(unlink);
		var linkTo = unlinks ? null : caseId;
		return new Correction(linkTo, linkTo == null ? null : stageIds == null ? List.of() : stageIds, unlinks,
				blankToNull(recordedBy), blankToNull(deviceSerial),
				startedAt == null ? null : startedAt.atZone(zone).toInstant(),
				endedAt == null ? null : endedAt.atZone(zone).toInstant(), reason);
	}

	/** The same values as a correction request: only what differs from the recording now is asked for. */
	NewCorrectionRequest toCorrectionRequest(ZoneId zone, @Nullable CaseId current) {
		var unlinks = Boolean.TRUE.equals(unlink) && current != null;
		var moveTo = unlinks || caseId == null || current != null && current.id().equals(caseId) ? null : caseId;
		return new NewCorrectionRequest(blankToNull(recordedBy),
				startedAt == null ? null : startedAt.atZone(zone).toInstant(),
				endedAt == null ? null : endedAt.atZone(zone).toInstant(), moveTo, unlinks, reason);
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
