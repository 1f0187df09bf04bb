package org.lawtrace.access;

import java.util.UUID;

/** Names one access request (查阅申请). */
public record AccessRequestId(UUID id) {

	public AccessRequestId {
		if (id == null) {
			throw new IllegalArgumentException("id must not be null");
		}
	}

	public static AccessRequestId random() {
		return new AccessRequestId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return id.toString();
	}
}
