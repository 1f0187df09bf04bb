package org.lawtrace.devices;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a recording device in the ledger. */
public record DeviceId(@JsonValue UUID id) {

	@JsonCreator
	public static DeviceId of(UUID id) {
		return new DeviceId(id);
	}

	public DeviceId {
		if (id == null) {
			throw new IllegalArgumentException("id must not be null");
		}
	}

	public static DeviceId random() {
		return new DeviceId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return id.toString();
	}
}
