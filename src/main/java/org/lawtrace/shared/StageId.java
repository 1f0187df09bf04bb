package org.lawtrace.shared;

import java.util.UUID;

/** Identifies a stage (环节) of an enforcement case across modules. */
public record StageId(UUID id) {

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
