package org.lawtrace.recordings;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a file says about itself: its real type (from its bytes, not its name) and, where it carries them, when it
 * was made, how long it runs and where it was taken.
 */
public record MediaFacts(RecordingKind kind, String mediaType, @Nullable Instant createdAt, @Nullable Duration duration,
		@Nullable Double latitude, @Nullable Double longitude) {
}
