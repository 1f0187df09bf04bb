package org.lawtrace.storage;

import java.util.List;
import java.util.Optional;

/**
 * Small named objects kept write-once beside the blobs (the audit log's signed anchors, for one): each name is
 * written once and never replaced or deleted through this interface, so what was written can be listed and read
 * back by anyone, such as a verifier or the off-site replication, but not changed by the application.
 * <p>
 * A name is 1 to 200 characters of {@code A-Z a-z 0-9 . _ -}, not starting with a dot; names list in their natural
 * (lexicographic) order, so writers that pad numbers get their objects back in order.
 */
public interface NamedObjects {

	/**
	 * Writes a new object durably: when this returns, the object survives a power cut (filesystem) or the object
	 * store has acknowledged it (S3, retained under Object Lock where the bucket has it).
	 *
	 * @param name the object's name, must not be {@literal null}.
	 * @param content the bytes, must not be {@literal null}.
	 * @throws NameTaken when an object of that name exists already; it is left as it was.
	 * @throws IllegalArgumentException when the name is not a valid one.
	 */
	void write(String name, byte[] content);

	/** @return the names of every object, in lexicographic order; never {@literal null}. */
	List<String> list();

	/**
	 * @param name must not be {@literal null}.
	 * @return the object's bytes, or empty when no object has that name.
	 */
	Optional<byte[]> read(String name);

	/** Refusal to overwrite: a named object is written once. */
	final class NameTaken extends RuntimeException {

		private final String name;

		public NameTaken(String name) {
			super("an object named " + name + " exists already and is never replaced");
			this.name = name;
		}

		public String name() {
			return name;
		}
	}

	/** Throws unless {@code name} is a valid object name. */
	static String checked(String name) {
		if (name.isEmpty() || name.length() > 200 || name.startsWith(".")
				|| !name.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-'))) {
			throw new IllegalArgumentException("not a valid object name: " + name);
		}
		return name;
	}
}
