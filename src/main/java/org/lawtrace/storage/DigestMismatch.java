package org.lawtrace.storage;

import org.lawtrace.shared.Unprocessable;

/**
 * The refusal of content whose digest differs from the one its sender announced; the message carries both, so the
 * sender can tell a damaged transfer from a wrong announcement.
 */
public final class DigestMismatch {

	/** The field the announced digest travels in, and that a refusal names. */
	public static final String FIELD = "sha256";

	private DigestMismatch() {
	}

	/**
	 * @param expected the SHA-256 the sender announced, must not be {@literal null}.
	 * @param calculated the SHA-256 of what arrived, must not be {@literal null}.
	 * @return the refusal to throw, will never be {@literal null}.
	 */
	public static Unprocessable of(String expected, String calculated) {
		return new Unprocessable(FIELD, "SHA-256 摘要不符 (digest mismatch): expected " + expected + ", calculated "
				+ calculated);
	}
}
