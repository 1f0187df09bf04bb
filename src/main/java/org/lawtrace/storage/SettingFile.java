package org.lawtrace.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file a setting names that the application only reads, such as the certificate of the time-stamping authority the
 * audit log trusts: read whole, never written. Kept in this module because it is the one that touches files
 * (DESIGN.md); a secret belongs in an {@link OwnerOnlyFile} instead.
 */
public final class SettingFile {

	private SettingFile() {
	}

	/**
	 * @param path the file, as the setting names it.
	 * @param setting the setting's name, for the message when the file cannot be read.
	 * @throws IllegalStateException when the file is missing or unreadable.
	 */
	public static byte[] read(String path, String setting) {
		try {
			return Files.readAllBytes(Path.of(path));
		}
		catch (IOException | RuntimeException e) {
			throw new IllegalStateException("could not read " + path + " (" + setting + "): " + e, e);
		}
	}
}
