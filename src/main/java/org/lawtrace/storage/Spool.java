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
	 * The hourly sweep takes a file no upload of this instance owns only once it is untouched this long: a live
	 * upload rewrites its file with every chunk, so another instance sharing the directory is never robbed mid-upload.
	 * At start-up this instance has no live uploads, and every leftover goes whatever its age.
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
	/**
	 * This instance's mark in its spool files' names ({@code lawtrace.instance}; empty for a lone instance): where
	 * several instances share the directory (a cluster, issue 16), the start-up sweep removes only this instance's
	 * leftovers whatever their age, and another's only by the hourly rule, so a restart never robs a live upload.
	 */
	private final String instance;
	/** The spool files uploads in this instance are writing or holding staged: never swept. */
	private final java.util.Set<Path> live = java.util.concurrent.ConcurrentHashMap.newKeySet();

	Spool(Path directory, Clock clock) {
		this(directory, clock, "");
	}

	Spool(Path directory, Clock clock, String instance) {
		if (!instance.matches("[A-Za-z0-9_.-]*")) {
			throw new IllegalStateException("lawtrace.instance may hold only letters, digits, '_', '.' and '-': "
					+ instance);
		}
		this.directory = directory;
		this.clock = clock;
		this.instance = instance.isEmpty() ? "" : instance + "~";
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
			spooled = Files.createTempFile(directory, PREFIX + instance, SUFFIX);
			live.add(spooled);
			var digest = write(in, spooled);
			check(digest, expected);
			var staged = new Staged(spooled, digest, placement, live);
			spooled = null;
			return staged;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			if (spooled != null) {
				deleteQuietly(spooled);
				live.remove(spooled);
			}
		}
	}

	/** A checked spool file waiting for its caller's verdict. */
	private static final class Staged implements StagedBlob {

		private final Path spooled;
		private final ContentDigest digest;
		private final Placement placement;
		private final java.util.Set<Path> live;
		private boolean finished;

		Staged(Path spooled, ContentDigest digest, Placement placement, java.util.Set<Path> live) {
			this.live = live;
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
				live.remove(spooled);
			}
		}

		@Override
		public void close() {
			finished = true;
			deleteQuietly(spooled);
			live.remove(spooled);
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

	/** What a sweep removed. */
	record Swept(int files, long bytes) {
	}

	/**
	 * Deletes the spool files no upload of this instance owns and that are untouched for {@link #ABANDONED_AFTER}:
	 * left by a killed upload or a crash.
	 */
	Swept sweep() {
		return sweep(clock.instant().minus(ABANDONED_AFTER), "");
	}

	private Swept sweep(java.time.Instant untouchedSince, String mark) {
		var files = 0;
		var bytes = 0L;
		try (var found = Files.newDirectoryStream(directory, PREFIX + mark + "*" + SUFFIX)) {
			for (var file : found) {
				if (live.contains(file) || !Files.getLastModifiedTime(file).toInstant().isBefore(untouchedSince)) {
					continue;
				}
				var size = Files.size(file);
				if (Files.deleteIfExists(file)) {
					files++;
					bytes += size;
				}
			}
		}
		catch (IOException e) {
			log.warn("Could not sweep the store's temporary directory {}", directory, e);
		}
		return new Swept(files, bytes);
	}

	/** At start-up no upload is live here, so every leftover goes, however fresh (a kill a second ago leaves one). */
	@EventListener(ApplicationReadyEvent.class)
	void sweepAtStartUp() {
		var own = sweep(java.time.Instant.MAX, instance);
		var others = instance.isEmpty() ? new Swept(0, 0) : sweep();
		report(new Swept(own.files() + others.files(), own.bytes() + others.bytes()), "at start-up");
	}

	/**
	 * Runs on every instance, deliberately not as a job of the cluster (ADR 0020): each knows only its own live files,
	 * and the age rule keeps it off everyone else's.
	 */
	@org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${lawtrace.storage.sweep-every:PT1H}",
			initialDelayString = "${lawtrace.storage.sweep-every:PT1H}")
	void sweepHourly() {
		report(sweep(), "in the periodic sweep");
	}

	private void report(Swept swept, String when) {
		if (swept.files() > 0) {
			log.warn("Removed {} abandoned temporary upload file(s), {} bytes, from {} {}", swept.files(),
					swept.bytes(), directory, when);
		}
		else {
			log.info("No abandoned temporary upload files in {} {}", directory, when);
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
