package org.lawtrace.shared;

/** Something the request names does not exist, or the caller may not know that it does (404). */
public final class NotFound extends DomainException {

	public NotFound(String what, Object id) {
		super(null, what + " not found: " + id);
	}

	@Override
	public int status() {
		return 404;
	}
}
