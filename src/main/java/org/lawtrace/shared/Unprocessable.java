package org.lawtrace.shared;

/**
 * Well-formed input that cannot be accepted as what it claims to be (422), such as content whose digest differs
 * from the one announced with it.
 */
public final class Unprocessable extends DomainException {

	public Unprocessable(String field, String message) {
		super(field, message);
	}

	@Override
	public int status() {
		return 422;
	}
}
