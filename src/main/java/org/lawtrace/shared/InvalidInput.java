package org.lawtrace.shared;

/** Input that breaks a rule of the domain (400), naming the field at fault. */
public final class InvalidInput extends DomainException {

	public InvalidInput(String field, String message) {
		super(field, message);
	}

	@Override
	public int status() {
		return 400;
	}
}
