package org.lawtrace.shared;

import org.jspecify.annotations.Nullable;

/**
 * A request the domain refuses, with the HTTP status it maps to and, where one field is at fault, that field's
 * name as the client sent it.
 */
public abstract sealed class DomainException extends RuntimeException
		permits InvalidInput, Unprocessable, Conflict, NotFound, NotPermitted, Gone {

	private final @Nullable String field;

	protected DomainException(@Nullable String field, String message) {
		super(message);
		this.field = field;
	}

	public @Nullable String field() {
		return field;
	}

	/** The HTTP status code the API answers with. */
	public abstract int status();
}
