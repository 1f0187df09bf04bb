package org.lawtrace.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A small secret kept in a file only its owner may read (0600, in a folder only its owner enters, 0700, on POSIX),
 * such as the audit log's private signing key: written once, durably, never replaced; read back as bytes. Kept in
 * this module because it is the one that touches files (DESIGN.md).
 */
public final class OwnerOnlyFile {

	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OwnerOnlyFile.class);
	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
	private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

	private final Path file;

	private OwnerOnlyFile(Path file) {
		this.file = file.toAbsolutePath().normalize();
	}

	/** The file at {@code path}, as a setting names it. */
	public static OwnerOnlyFile at(String path) {
		return new OwnerOnlyFile(Path.of(path));
	}

	/** Where the file is, for messages. */
	public String location() {
		return file.toString();
	}

	/**
	 * The file's bytes, or empty when there is no file; a file others may read is narrowed to its owner first, and
	 * the log says so.
	 */
	public Optional<byte[]> read() {
		try {
			var posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
			if (posix != null && Files.exists(file) && !posix.readAttributes().permissions().equals(OWNER_ONLY)) {
				LOG.warn("{} was open to others ({}); it is now owner-only (0600)", file,
						PosixFilePermissions.toString(posix.readAttributes().permissions()));
				posix.setPermissions(OWNER_ONLY);
			}
			return Optional.of(Files.readAllBytes(file));
		}
		catch (NoSuchFileException missing) {
			return Optional.empty();
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not read " + file, e);
		}
	}

	/**
	 * Writes the file durably, never replacing one that exists: to an owner-only temporary file, flushed, then linked
	 * under the final name, and the folder flushed.
	 *
	 * @throws NamedObjects.NameTaken when the file exists already.
	 */
	public void create(byte[] content) {
		try {
			var folder = file.getParent();
			var posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
			if (!Files.isDirectory(folder)) {
				if (posix) {
					Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
				}
				else {
					Files.createDirectories(folder);
				}
			}
			if (posix) {
				// createDirectories applies the umask to a new folder
				Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER);
			}
			if (Files.exists(file)) {
				throw new NamedObjects.NameTaken(file.toString());
			}
			var temporary = folder.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".part");
			try {
				if (posix) {
					Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
					Files.setPosixFilePermissions(temporary, OWNER_ONLY);
				}
				else {
					Files.createFile(temporary);
				}
				try (var channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
					var buffer = ByteBuffer.wrap(content);
					while (buffer.hasRemaining()) {
						channel.write(buffer);
					}
					channel.force(true);
				}
				try {
					Files.createLink(file, temporary);
				}
				catch (java.nio.file.FileAlreadyExistsException taken) {
					throw new NamedObjects.NameTaken(file.toString());
				}
			}
			finally {
				Files.deleteIfExists(temporary);
			}
			try (var channel = FileChannel.open(folder, StandardOpenOption.READ)) {
				channel.force(true);
			}
			catch (IOException windows) {
				// NTFS journals the name
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not write " + file, e);
		}
	}
}
