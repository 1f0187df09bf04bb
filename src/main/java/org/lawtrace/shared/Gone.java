package org.lawtrace.shared;

import org.jspecify.annotations.Nullable;

/** What the request names existed but was lawfully destroyed; its record stays, its content does not (410). */
public final class Gone extends DomainException {

	public Gone(String message) {
		super(null, message);
	}

	/** Gone, naming the request's field that named it (such as {@code id}). */
	public Gone(@Nullable String field, String message) {
		super(field, message);
	}

	@Override
	public int status() {
		return 410;
	}
}
