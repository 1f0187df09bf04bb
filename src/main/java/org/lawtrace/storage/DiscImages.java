package org.lawtrace.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.InvalidInput;
import org.springframework.stereotype.Component;

/**
 * Optical disc images (光盘镜像) of stored blobs, for long-term preservation on removable media (ART-17): a program
 * (xorriso, in practice) is handed the blobs as local files and writes the image to its standard output, which is
 * staged and stored like any upload, digested on the way; and an image read back from a disc is unpacked for checking.
 * The program gets each blob's own read-only file where the store has files, so mastering makes no temporary copy of
 * the packages; an object store's blobs are copied into the spool first and deleted afterwards.
 */
@Component
public class DiscImages {

	/** In a command: replaced by {@link #PER_INPUT}-shaped arguments, once per input. */
	public static final String INPUTS = "{inputs}";
	/** In the per-input arguments: the input's local file, and its path inside the image. */
	public static final String FILE = "{file}";
	public static final String NAME = "{name}";
	/** In an extraction command: the image's local file, and the directory to unpack it into. */
	public static final String IMAGE = "{image}";
	public static final String TARGET = "{target}";

	private static final String COPY_PREFIX = Derivation.COPY_PREFIX;
	private static final String COPY_SUFFIX = Derivation.COPY_SUFFIX;

	private final BlobStore store;
	private final Copies copies;
	private final Spool spool;

	DiscImages(BlobStore store, Copies copies, Spool spool) {
		this.store = store;
		this.copies = copies;
		this.spool = spool;
	}

	/** A stored blob and where it lies in the image. */
	public record Input(ContentDigest blob, String nameInImage) {
	}

	/**
	 * Runs {@code command} once, with {@link #INPUTS} replaced by {@code perInput} for each input, and stores what it
	 * writes to standard output as a new blob, but only when it exits 0 within the timeout; otherwise nothing is
	 * stored and {@link DerivationFailed} says why.
	 */
	public StoredBlob master(List<Input> inputs, List<String> command, List<String> perInput, Duration timeout) {
		var copied = new ArrayList<Path>();
		try {
			var line = new ArrayList<String>();
			for (var argument : command) {
				if (!argument.equals(INPUTS)) {
					line.add(argument);
					continue;
				}
				for (var input : inputs) {
					var file = localFile(input.blob(), copied);
					for (var part : perInput) {
						line.add(part.replace(FILE, file.toAbsolutePath().toString()).replace(NAME, input.nameInImage()));
					}
				}
			}
			return run(line, timeout);
		}
		finally {
			copied.forEach(DiscImages::deleteQuietly);
		}
	}

	/**
	 * An image read back from a disc, sent as a stream: spooled, digested, unpacked by {@code extract} (with
	 * {@link #IMAGE} and {@link #TARGET} replaced) into the spool, for the caller to check; closing it deletes both.
	 */
	public DiscReading readBack(InputStream image, List<String> extract, Duration timeout) {
		Path spooled = null;
		try {
			spooled = Files.createTempFile(spool.directory(), COPY_PREFIX + "readback-", COPY_SUFFIX);
			ContentDigest digest;
			try (var out = Files.newOutputStream(spooled)) {
				digest = TwinDigest.copy(image, java.nio.channels.Channels.newChannel(out));
			}
			if (digest.sizeBytes() == 0) {
				throw new InvalidInput("image", "读回的镜像为空 (the image read back is empty)");
			}
			var reading = DiscReading.unpack(spooled, digest, extract, timeout, spool.directory());
			reading.alsoDelete(spooled);
			spooled = null;
			return reading;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			deleteQuietly(spooled);
		}
	}

	/**
	 * At start-up no read-back is being checked, so every unpacked disc left in the spool belongs to a process that
	 * died mid-check (the spooled images themselves go with the derivation copies' sweep).
	 */
	@org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
	void sweepUnpackedDiscs() {
		try (var left = Files.newDirectoryStream(spool.directory(), "disc-readback-*")) {
			for (var dir : left) {
				DiscReading.deleteTree(dir);
			}
		}
		catch (IOException e) {
			// nothing in them is evidence; the next start tries again
		}
	}

	/** The blob's own file, or a spool copy of it (added to {@code copied}) for a store without files. */
	private Path localFile(ContentDigest blob, List<Path> copied) {
		if (copies.primary() instanceof FileSystemBlobStore files) {
			var own = files.pathOf(blob.sha256());
			if (Files.isRegularFile(own)) {
				return own;
			}
		}
		try {
			var copy = Files.createTempFile(spool.directory(), COPY_PREFIX, COPY_SUFFIX);
			copied.add(copy);
			try (var in = store.open(blob)) {
				Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
			}
			return copy;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private StoredBlob run(List<String> line, Duration timeout) {
		Process process;
		try {
			process = new ProcessBuilder(line).redirectError(ProcessBuilder.Redirect.PIPE).start();
		}
		catch (IOException e) {
			throw new DerivationFailed("Cannot start " + line.get(0) + ": " + e.getMessage(), e);
		}
		var timedOut = new AtomicBoolean();
		process.onExit().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).exceptionally(e -> {
			timedOut.set(true);
			kill(process);
			return process;
		});
		var stderr = new StringBuilder();
		var drain = new Thread(() -> {
			try (var err = process.getErrorStream()) {
				var text = new String(err.readAllBytes(), StandardCharsets.UTF_8);
				synchronized (stderr) {
					stderr.append(text.length() > 2000 ? text.substring(text.length() - 2000) : text);
				}
			}
			catch (IOException closed) {
				// the process is gone; what was read is all there is
			}
		}, "disc-image-stderr");
		drain.setDaemon(true);
		drain.start();
		try {
			process.getOutputStream().close();
			// staged, not stored: a program that fails half-way must leave no image behind
			try (var staged = store.stage(process.getInputStream(), null)) {
				var exit = process.waitFor();
				drain.join(TimeUnit.SECONDS.toMillis(10));
				String problem;
				synchronized (stderr) {
					problem = stderr.toString().strip();
				}
				if (timedOut.get()) {
					throw new DerivationFailed(line.get(0) + " took longer than " + timeout + " and was stopped: " + problem);
				}
				if (exit != 0) {
					throw new DerivationFailed(line.get(0) + " exited with status " + exit + ": " + problem);
				}
				return staged.commit();
			}
		}
		catch (InvalidInput empty) {
			throw new DerivationFailed(line.get(0) + " wrote no image: " + stderr);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new DerivationFailed(line.get(0) + " was interrupted", e);
		}
		finally {
			kill(process);
		}
	}

	private static void kill(Process process) {
		if (process.isAlive()) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.toHandle().destroyForcibly();
		}
	}

	static void deleteQuietly(@Nullable Path file) {
		if (file == null) {
			return;
		}
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			// the start-up sweep of derivation copies takes it
		}
	}
}
