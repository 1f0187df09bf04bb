package org.lawtrace.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.DosFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Named objects as read-only files in one folder (such as {@code <store root>/anchors/}): each is written to a
 * temporary file, flushed, made read-only and then linked under its name, which fails rather than replaces when the
 * name exists; the folder is flushed so the name survives a power cut too.
 */
final class FileSystemNamedObjects implements NamedObjects {

	private final Path folder;

	FileSystemNamedObjects(Path folder) {
		this.folder = folder;
	}

	Path folder() {
		return folder;
	}

	@Override
	public void write(String name, byte[] content) {
		var target = folder.resolve(NamedObjects.checked(name));
		try {
			var newFolder = !Files.isDirectory(folder);
			Files.createDirectories(folder);
			if (newFolder) {
				syncDirectory(folder.getParent());
			}
			if (Files.exists(target)) {
				throw new NameTaken(name);
			}
			var temporary = folder.resolve("." + name + "." + UUID.randomUUID() + ".part");
			try {
				try (var channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
					var buffer = ByteBuffer.wrap(content);
					while (buffer.hasRemaining()) {
						channel.write(buffer);
					}
					channel.force(true);
				}
				makeReadOnly(temporary);
				place(temporary, target, name);
			}
			finally {
				Files.deleteIfExists(temporary);
			}
			syncDirectory(folder);
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not write " + target, e);
		}
	}

	/** A hard link cannot replace an existing name, so two writers of one name cannot both succeed. */
	private static void place(Path temporary, Path target, String name) throws IOException {
		try {
			Files.createLink(target, temporary);
		}
		catch (FileAlreadyExistsException taken) {
			throw new NameTaken(name);
		}
		catch (UnsupportedOperationException | IOException noLinks) {
			if (Files.exists(target)) {
				throw new NameTaken(name);
			}
			// a filesystem without hard links: a move without REPLACE_EXISTING refuses an existing target
			try {
				Files.move(temporary, target);
			}
			catch (FileAlreadyExistsException taken) {
				throw new NameTaken(name);
			}
		}
	}

	@Override
	public List<String> list() {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (var files = Files.list(folder)) {
			return files.map(file -> file.getFileName().toString())
				.filter(name -> !name.startsWith("."))
				.sorted()
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not list " + folder, e);
		}
	}

	@Override
	public Optional<byte[]> read(String name) {
		try {
			return Optional.of(Files.readAllBytes(folder.resolve(NamedObjects.checked(name))));
		}
		catch (NoSuchFileException missing) {
			return Optional.empty();
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not read " + name + " in " + folder, e);
		}
	}

	private static void makeReadOnly(Path file) throws IOException {
		var posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
		if (posix != null) {
			posix.setPermissions(PosixFilePermissions.fromString("r--r-----"));
			return;
		}
		var dos = Files.getFileAttributeView(file, DosFileAttributeView.class);
		if (dos != null) {
			dos.setReadOnly(true);
		}
	}

	private static void syncDirectory(Path directory) {
		try (var channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException e) {
			// Windows cannot open a directory as a channel; NTFS journals the rename instead
		}
	}
}
