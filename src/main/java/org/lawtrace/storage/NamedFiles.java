package org.lawtrace.storage;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.lawtrace.shared.NotFound;

/**
 * Files kept under a name beside a store's blobs (the replica's metadata exports, {@code metadata/...}): written
 * once, never replaced or deleted, like the blobs themselves; a name that exists already is left as it is.
 */
interface NamedFiles {

	/** Lower-case path segments of letters, digits, {@code . _ -}: a name can never leave its area. */
	Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]*(/[a-z0-9][a-z0-9_.-]*)*");

	/**
	 * @param name where it goes, matching {@link #NAME}.
	 * @param file its content, copied; the file is left in place.
	 * @return whether it was written now; false when the name was taken (nothing changed).
	 */
	boolean putNamed(String name, Path file);

	/** @throws NotFound when there is no object of that name. */
	InputStream openNamed(String name);

	/** @return the names starting with {@code prefix}, sorted. */
	List<String> names(String prefix);

	static String requireName(String name) {
		if (!NAME.matcher(name).matches() || name.contains("..")) {
			throw new IllegalArgumentException("not an object name: " + name);
		}
		return name;
	}
}
