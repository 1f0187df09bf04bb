package org.lawtrace.storage;

/**
 * A program run over a stored blob did not produce a derived copy (it could not start, failed, ran out of time or
 * wrote nothing); nothing was stored, and the blob it read is as it was.
 */
public final class DerivationFailed extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public DerivationFailed(String message) {
		super(message);
	}

	public DerivationFailed(String message, Throwable cause) {
		super(message, cause);
	}
}
