package org.lawtrace.shared;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies an enforcement case (执法案件) across modules. */
public record CaseId(@JsonValue UUID id) {

	@JsonCreator
	public static CaseId of(UUID id) {
		return new CaseId(id);
	}

	public CaseId {
		if (id == null) {
			throw new IllegalArgumentException("id must not be null");
		}
	}

	public static CaseId random() {
		return new CaseId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return id.toString();
	}
}
