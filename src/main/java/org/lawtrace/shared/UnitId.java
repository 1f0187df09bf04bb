package org.lawtrace.shared;

import java.util.UUID;

/** Identifies an organisational unit (科室、队、所) of the bureau across modules. */
public record UnitId(UUID id) {

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
