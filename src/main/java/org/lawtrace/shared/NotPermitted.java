package org.lawtrace.shared;

/** The caller is known but the rules do not let them do this (403). */
public final class NotPermitted extends DomainException {

	public NotPermitted(String message) {
		super(null, message);
	}

	@Override
	public int status() {
		return 403;
	}
}
