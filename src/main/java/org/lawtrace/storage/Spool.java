package org.lawtrace.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * The store's own directory for content on its way in: each upload is digested into a temporary file here, checked,
 * then handed to a {@link Placement}; whatever is not placed is deleted, and what a crash left behind is swept.
 */
final class Spool {

	private static final Logger log = LoggerFactory.getLogger(Spool.class);
	private static final String PREFIX = "ingest-";
	private static final String SUFFIX = ".part";

	/**
	 * A live upload rewrites its file with every chunk, so one untouched this long belongs to no one: a slow link
	 * keeps its file fresh, and another instance sharing the directory is never robbed mid-upload.
	 */
	static final Duration ABANDONED_AFTER = Duration.ofHours(1);

	private static final java.util.concurrent.Executor FLUSHER = java.util.concurrent.Executors.newCachedThreadPool(
			runnable -> {
				var thread = new Thread(runnable, "spool-flush");
				thread.setDaemon(true);
				return thread;
			});

	private final Path directory;
	private final Clock clock;

	Spool(Path directory, Clock clock) {
		this.directory = directory;
		this.clock = clock;
		try {
			Files.createDirectories(directory);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot create the store's temporary directory " + directory, e);
		}
	}

	/** Where a checked spool file goes next: returns whether it was stored now, false when already present. */
	@FunctionalInterface
	interface Placement {

		boolean place(Path spooled, ContentDigest digest) throws IOException;
	}

	StoredBlob ingest(InputStream in, @Nullable String expectedSha256, Placement placement) {
		try (var staged = stage(in, expectedSha256, placement)) {
			return staged.commit();
		}
	}

	StagedBlob stage(InputStream in, @Nullable String expectedSha256, Placement placement) {
		var expected = expectedSha256 == null ? null : ContentDigest.requireHex256(DigestMismatch.FIELD, expectedSha256);
		Path spooled = null;
		try {
			spooled = Files.createTempFile(directory, PREFIX, SUFFIX);
			var digest = write(in, spooled);
			check(digest, expected);
			var staged = new Staged(spooled, digest, placement);
			spooled = null;
			return staged;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			deleteQuietly(spooled);
		}
	}

	/** A checked spool file waiting for its caller's verdict. */
	private static final class Staged implements StagedBlob {

		private final Path spooled;
		private final ContentDigest digest;
		private final Placement placement;
		private boolean finished;

		Staged(Path spooled, ContentDigest digest, Placement placement) {
			this.spooled = spooled;
			this.digest = digest;
			this.placement = placement;
		}

		@Override
		public ContentDigest digest() {
			return digest;
		}

		@Override
		public InputStream open() {
			requireUnfinished();
			try {
				return Files.newInputStream(spooled);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		@Override
		public StoredBlob commit() {
			requireUnfinished();
			finished = true;
			try {
				return new StoredBlob(digest, !placement.place(spooled, digest));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			finally {
				// a placement that moved the file away leaves nothing here to delete
				deleteQuietly(spooled);
			}
		}

		@Override
		public void close() {
			finished = true;
			deleteQuietly(spooled);
		}

		private void requireUnfinished() {
			if (finished) {
				throw new IllegalStateException("staged content was already committed or discarded");
			}
		}
	}

	Path directory() {
		return directory;
	}

	/** Deletes spool files abandoned by a crash or a killed process, and says how many there were. */
	int sweep() {
		var cutoff = clock.instant().minus(ABANDONED_AFTER);
		var swept = 0;
		try (var files = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
			for (var file : files) {
				if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff) && Files.deleteIfExists(file)) {
					swept++;
				}
			}
		}
		catch (IOException e) {
			log.warn("Could not sweep the store's temporary directory {}", directory, e);
		}
		return swept;
	}

	@EventListener(ApplicationReadyEvent.class)
	void sweepAtStartUp() {
		var swept = sweep();
		if (swept > 0) {
			log.warn("Removed {} abandoned temporary upload file(s) from {}", swept, directory);
		}
		else {
			log.info("No abandoned temporary upload files in {}", directory);
		}
	}

	private static ContentDigest write(InputStream in, Path spooled) throws IOException {
		try (var file = FileChannel.open(spooled, StandardOpenOption.WRITE);
				var channel = new FlushingChannel(file, FLUSHER)) {
			var digest = TwinDigest.copy(in, channel);
			// the file store renames this very file into place, so its bytes must be on disk before the name is
			channel.forceAll();
			return digest;
		}
	}

	private static void check(ContentDigest digest, @Nullable String expectedSha256) {
		if (digest.sizeBytes() == 0) {
			throw new InvalidInput("file", "文件为空 (empty content is not stored)");
		}
		if (expectedSha256 != null && !expectedSha256.equals(digest.sha256())) {
			throw DigestMismatch.of(expectedSha256, digest.sha256());
		}
	}

	private static void deleteQuietly(@Nullable Path spooled) {
		if (spooled == null) {
			return;
		}
		try {
			Files.deleteIfExists(spooled);
		}
		catch (IOException e) {
			log.warn("Could not delete temporary upload file {}; the next start-up sweep will", spooled, e);
		}
	}
}
