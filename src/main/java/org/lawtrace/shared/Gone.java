package org.lawtrace.shared;

/** What the request names existed but was lawfully destroyed; its record stays, its content does not (410). */
public final class Gone extends DomainException {

	public Gone(String message) {
		super(null, message);
	}

	@Override
	public int status() {
		return 410;
	}
}
