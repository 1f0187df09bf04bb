package org.lawtrace.recordings;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies an audio-visual record. */
public record RecordingId(@JsonValue UUID id) {

	@JsonCreator
	public static RecordingId of(UUID id) {
		return new RecordingId(id);
	}

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
