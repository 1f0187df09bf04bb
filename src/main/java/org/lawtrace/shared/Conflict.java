package org.lawtrace.shared;

import org.jspecify.annotations.Nullable;

/** A request that clashes with what is already recorded (409): a duplicate, or a state that forbids it. */
public final class Conflict extends DomainException {

	public Conflict(@Nullable String field, String message) {
		super(field, message);
	}

	@Override
	public int status() {
		return 409;
	}
}
