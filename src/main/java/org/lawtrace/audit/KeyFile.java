package org.lawtrace.audit;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.lawtrace.storage.OwnerOnlyFile;

/**
 * The file that holds the log's private SM2 key (PKCS#8 PEM), outside the database, so whoever can edit the database
 * cannot also sign (ART-22): readable by its owner alone (0600) in a folder only its owner enters (0700) on POSIX.
 */
final class KeyFile {

	private final OwnerOnlyFile file;

	KeyFile(String path) {
		this.file = OwnerOnlyFile.at(path);
	}

	String path() {
		return file.location();
	}

	/** The key, when the file exists. */
	Optional<SigningKey> read() {
		return file.read().map(bytes -> {
			try {
				return SigningKey.fromPrivatePem(new String(bytes, StandardCharsets.US_ASCII));
			}
			catch (IllegalArgumentException e) {
				throw new IllegalStateException("the audit signing key file " + path() + " is not an SM2 private key: "
						+ e.getMessage(), e);
			}
		});
	}

	/** Writes the key durably; never replaces a file that exists. */
	void write(SigningKey key) {
		file.create(key.privatePem().getBytes(StandardCharsets.US_ASCII));
	}
}
