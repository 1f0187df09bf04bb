package org.lawtrace.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

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

	/** The kernel copies this much per call, and the reader is told of it. */
	private static final long COPY_STEP = 8L * 1024 * 1024;

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
		return staged(placement, spooled -> {
			var digest = write(in, spooled);
			check(digest, expected);
			return digest;
		});
	}

	/** Fills a new spool file and returns the digest of what it holds. */
	@FunctionalInterface
	private interface Filling {

		ContentDigest fill(Path spooled) throws IOException;
	}

	/** A new spool file, filled and staged; whatever fails on the way takes the file with it. */
	private StagedBlob staged(Placement placement, Filling filling) {
		Path spooled = null;
		try {
			spooled = Files.createTempFile(directory, PREFIX + instance, SUFFIX);
			live.add(spooled);
			var digest = filling.fill(spooled);
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

	/**
	 * Copies a file of another store on this machine into a spool file by the kernel's own copy (no byte passes
	 * through Java), while this thread reads the spool file back as it grows and digests what it holds: the spool's
	 * check and a copy's read-back in one pass, at the pace of the slower of the disk and the digest rather than their
	 * sum. The file is forced to disk, metadata included, before this returns; the caller compares the digest with
	 * what the blob must be, then commits (places it) or closes (discards it).
	 *
	 * @param withSm3 whether the read-back computes SM3 as well (alongside, in a thread of its own).
	 */
	StagedBlob stageCopy(Path source, boolean withSm3, Placement placement) {
		return staged(placement, spooled -> copyReadingBack(source, spooled, withSm3));
	}

	/** What the copying thread has written so far, for the thread that reads it back. */
	private static final class Progress {

		private long written;
		private boolean finished;
		private @Nullable Throwable failure;
		private boolean abandoned;

		synchronized void advance(long bytes) {
			written = bytes;
			notifyAll();
		}

		synchronized void finish(@Nullable Throwable failed) {
			finished = true;
			failure = failed;
			notifyAll();
		}

		synchronized void abandon() {
			abandoned = true;
		}

		synchronized boolean abandoned() {
			return abandoned;
		}

		/** @return how many bytes are written once more than {@code read} are, or -1 when the copy ended at it. */
		synchronized long awaitBeyond(long read) throws IOException {
			while (written <= read && !finished) {
				try {
					wait();
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new InterruptedIOException("interrupted while reading a copy back");
				}
			}
			if (failure != null) {
				throw failure instanceof IOException io ? io : new IOException("copying failed", failure);
			}
			return written > read ? written : -1;
		}
	}

	private static ContentDigest copyReadingBack(Path source, Path spooled, boolean withSm3) throws IOException {
		try (var in = FileChannel.open(source, StandardOpenOption.READ);
				var out = FileChannel.open(spooled, StandardOpenOption.WRITE);
				var back = FileChannel.open(spooled, StandardOpenOption.READ)) {
			var progress = new Progress();
			var copying = CompletableFuture.runAsync(() -> {
				Throwable failed = null;
				try {
					var size = in.size();
					var position = 0L;
					while (position < size && !progress.abandoned()) {
						var n = in.transferTo(position, Math.min(COPY_STEP, size - position), out);
						if (n <= 0) {
							// the source ended early (it is write-once, so it was damaged): the digest will say so
							break;
						}
						position += n;
						progress.advance(position);
					}
					// the bytes, and the size with them, are on disk before anyone compares or places them
					out.force(true);
				}
				catch (IOException | RuntimeException e) {
					failed = e;
				}
				progress.finish(failed);
			}, FLUSHER);
			try {
				return readBack(back, progress, withSm3);
			}
			finally {
				progress.abandon();
				copying.join();
			}
		}
	}

	/** Reads the copy back through the digests every read-back uses, following it as it grows. */
	private static ContentDigest readBack(FileChannel back, Progress progress, boolean withSm3) throws IOException {
		var in = new Following(back, progress);
		var digest = withSm3 ? Sm3Alongside.digest(in) : TwinDigest.of(in, false);
		if (back.size() != digest.sizeBytes()) {
			throw new IOException("the copy holds " + back.size() + " bytes, of which " + digest.sizeBytes()
					+ " were read back");
		}
		return digest;
	}

	/** The bytes of a file another thread is writing, each read only once it is written; ends where the copy ended. */
	private static final class Following extends InputStream {

		private final FileChannel file;
		private final Progress progress;
		private long read;

		Following(FileChannel file, Progress progress) {
			this.file = file;
			this.progress = progress;
		}

		@Override
		public int read() throws IOException {
			var one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] bytes, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			var written = progress.awaitBeyond(read);
			if (written < 0) {
				return -1;
			}
			var n = file.read(ByteBuffer.wrap(bytes, offset, (int) Math.min(length, written - read)), read);
			if (n <= 0) {
				throw new IOException("the copy reads back shorter than was written to it");
			}
			read += n;
			return n;
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
