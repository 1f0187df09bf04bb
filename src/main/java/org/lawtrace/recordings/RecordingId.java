package org.lawtrace.recordings;

import java.util.UUID;

/** Identifies an audio-visual record. */
public record RecordingId(UUID id) {

	public RecordingId {
		if (id == null) {
			throw new IllegalArgumentException("id must not be null");
		}
	}

	public static RecordingId random() {
		return new RecordingId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return id.toString();
	}
}
