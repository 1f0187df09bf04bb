package org.lawtrace.shared;

import java.util.UUID;

/** Identifies a staff member (工作人员) across modules. */
public record StaffId(UUID id) {

	public StaffId {
		if (id == null) {
			throw new IllegalArgumentException("id must not be null");
		}
	}

	public static StaffId random() {
		return new StaffId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return id.toString();
	}
}
