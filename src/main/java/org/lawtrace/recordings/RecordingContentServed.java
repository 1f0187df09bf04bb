package org.lawtrace.recordings;

import java.time.Instant;

/**
 * An original's content was served to someone, viewed, played or downloaded: the start of a viewing, a further
 * window of it, or its end, with the byte ranges served since the viewing's previous entry (see
 * {@link PlaybackViewings}); or the whole file downloaded ({@code wholeFile}: a request without a range, a copy, logged
 * each time, as the discipline unit counts copies, ART-22 (3)).
 */
public record RecordingContentServed(RecordingId recordingId, String viewer, String served, boolean wholeFile,
		Instant at) {
}
