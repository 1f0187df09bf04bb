package org.lawtrace.recordings;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a correction request (更正申请) of a recording. */
public record CorrectionRequestId(@JsonValue UUID id) {

	@JsonCreator
	public static CorrectionRequestId of(UUID id) {
		return new CorrectionRequestId(id);
	}

	public CorrectionRequestId {
		if (id == null) {
			throw new IllegalArgumentException("id must not be null");
		}
	}

	public static CorrectionRequestId random() {
		return new CorrectionRequestId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return id.toString();
	}
}
