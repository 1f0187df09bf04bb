package org.lawtrace.inspection;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.StaffId;

/**
 * A violation signal (违规线索): one source fact that may show a breach of ART-22 (or the device rules ART-11,
 * ART-12), with the person it concerns and the record it names, and how the discipline unit triaged it.
 *
 * @param sourceKey names the source fact; a fact raises one signal however often it is reported.
 */
public record Signal(UUID id, SignalKind kind, String sourceKey, @Nullable StaffId staff, @Nullable String subjectType,
		@Nullable String subjectId, String facts, Instant occurredAt, Instant raisedAt, SignalState state,
		@Nullable StaffId triagedBy, @Nullable Instant triagedAt, @Nullable String triageNote,
		@Nullable UUID violationId) {

	boolean pending() {
		return state == SignalState.PENDING;
	}
}
