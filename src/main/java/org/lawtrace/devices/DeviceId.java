package org.lawtrace.devices;

import java.util.UUID;

/** Identifies a recording device in the ledger. */
public record DeviceId(UUID id) {

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
