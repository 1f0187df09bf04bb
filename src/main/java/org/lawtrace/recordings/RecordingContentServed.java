package org.lawtrace.recordings;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** An original's content was served to someone: viewed, played or downloaded, whole or one byte range. */
public record RecordingContentServed(RecordingId recordingId, String viewer, @Nullable String range, Instant at) {
}
