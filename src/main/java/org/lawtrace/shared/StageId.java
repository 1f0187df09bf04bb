package org.lawtrace.shared;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a stage (环节) of an enforcement case across modules. */
public record StageId(@JsonValue UUID id) {

	@JsonCreator
	public static StageId of(UUID id) {
		return new StageId(id);
	}

	public StageId {
		if (id == null) {
			throw new IllegalArgumentException("id must not be null");
		}
	}

	public static StageId random() {
		return new StageId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return id.toString();
	}
}
