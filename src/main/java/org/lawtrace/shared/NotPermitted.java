package org.lawtrace.shared;

import org.jspecify.annotations.Nullable;

/** The caller is known but the rules do not let them do this (403). */
public final class NotPermitted extends DomainException {

	public NotPermitted(String message) {
		super(null, message);
	}

	/** Refused because of what {@code field} names: a case one may not add to, say. */
	public NotPermitted(@Nullable String field, String message) {
		super(field, message);
	}

	@Override
	public int status() {
		return 403;
	}
}
