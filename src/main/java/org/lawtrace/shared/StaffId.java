package org.lawtrace.shared;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a staff member (工作人员) across modules. */
public record StaffId(@JsonValue UUID id) {

	@JsonCreator
	public static StaffId of(UUID id) {
		return new StaffId(id);
	}

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
