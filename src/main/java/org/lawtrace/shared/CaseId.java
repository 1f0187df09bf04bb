package org.lawtrace.shared;

import java.util.UUID;

/** Identifies an enforcement case (执法案件) across modules. */
public record CaseId(UUID id) {

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
