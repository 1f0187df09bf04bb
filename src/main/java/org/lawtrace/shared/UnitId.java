package org.lawtrace.shared;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies an organisational unit (科室、队、所) of the bureau across modules. */
public record UnitId(@JsonValue UUID id) {

	@JsonCreator
	public static UnitId of(UUID id) {
		return new UnitId(id);
	}

	public UnitId {
		if (id == null) {
			throw new IllegalArgumentException("id must not be null");
		}
	}

	public static UnitId random() {
		return new UnitId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return id.toString();
	}
}
