package org.lawtrace.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.ContentDigest;

/**
 * Copies one blob from a store to another and proves the copy (ART-15.3): the target's copy is READ BACK and its
 * SHA-256 and size, and where asked its SM3, must equal the source's. Between two filesystem stores the kernel copies
 * the bytes while the copy is read back as it is written, in one pass ({@link Spool#stageCopy}), and a copy that reads
 * back wrong is never placed; otherwise the bytes go through the target's spool (which checks their SHA-256 against
 * the blob's name before it places them) and are read back once placed. Used both ways: primary to replica
 * (replication, which reads back SHA-256 unless set otherwise, ADR 0032) and replica to an empty primary
 * ({@code restore}, which always reads back both digests).
 */
final class BlobCopy {

	private BlobCopy() {
	}

	/**
	 * A copy that cannot be trusted: {@code SOURCE_DIFFERS} when the source's bytes no longer match their name or
	 * recorded digest, {@code COPY_DIFFERS} when the target's copy, read back, differs from the source.
	 */
	static final class Failed extends RuntimeException {

		private static final long serialVersionUID = 1L;
		static final String SOURCE_DIFFERS = "SOURCE_DIFFERS";
		static final String COPY_DIFFERS = "COPY_DIFFERS";

		private final String kind;

		Failed(String kind, BlobCorrupted cause) {
			super(cause.getMessage(), cause);
			this.kind = kind;
		}

		String kind() {
			return kind;
		}
	}

	/**
	 * What a copy found: the verified digest (its SM3 read back from the copy when the copy was asked to, else the one
	 * on record, if any), whether the target held the blob already, and how long the two steps took: placing the copy
	 * durably on the target, then reading it back and checking it. When {@code readBackAsWritten}, the read-back ran
	 * during the copy and {@code checking} is only the comparison and the placing.
	 */
	record Copied(ContentDigest digest, boolean alreadyPresent, Duration copying, Duration checking,
			boolean readBackAsWritten) {
	}

	/** A copy read back with both digests, as a restore makes it. */
	static Copied copy(BlobStore from, BlobStore to, String sha256, @Nullable ContentDigest known) {
		return copy(from, to, sha256, known, true);
	}

	/**
	 * @param sha256 the blob, by its name.
	 * @param known the source's digest where it is recorded already (SM3 included), so the source is not digested
	 *        again; {@literal null} when it is not.
	 * @param withSm3 whether the read-back recomputes SM3 too, rather than SHA-256 and size alone.
	 * @throws Failed when the target's copy, read back, differs from the source (or the source differs from
	 *         its own name); the target may then hold a bad copy, which is write-once and left for the fixity audit.
	 */
	static Copied copy(BlobStore from, BlobStore to, String sha256, @Nullable ContentDigest known, boolean withSm3) {
		var name = new ContentDigest(sha256, null, 0);
		if (from instanceof FileSystemBlobStore source && to instanceof FileSystemBlobStore target
				&& !target.contains(name)) {
			return copyReadingBack(source, target, name, known, withSm3);
		}
		var started = System.nanoTime();
		@Nullable ContentDigest source;
		boolean alreadyPresent;
		if (known != null && known.sm3() != null || !withSm3) {
			// no SM3 to compute from the source: its bytes only need the SHA-256 the target's spool checks on the way
			var stored = to.contains(name) ? null : storeChecked(from, to, name, known);
			alreadyPresent = stored == null || stored.alreadyPresent();
			source = known != null || stored == null ? known : stored.digest();
		}
		else {
			try (var sm3 = new Sm3Alongside(); var in = sm3.watching(from.open(name))) {
				alreadyPresent = store(to, in, name, sm3::size).alreadyPresent();
				source = new ContentDigest(sha256, sm3.finish(), sm3.size());
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			if (known != null && !known.sameContentAs(source)) {
				throw new Failed(Failed.SOURCE_DIFFERS, new BlobCorrupted(known, source));
			}
		}
		var placed = System.nanoTime();
		ContentDigest readBack;
		try (var in = to.open(name)) {
			readBack = withSm3 ? Sm3Alongside.digest(in) : TwinDigest.of(in, false);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (source == null) {
			// the target held it already and nothing is on record: the read-back must at least match the name
			source = readBack.sha256().equals(sha256) ? readBack : name;
		}
		if (!matches(readBack, source, withSm3)) {
			throw new Failed(Failed.COPY_DIFFERS, new BlobCorrupted(source, readBack));
		}
		return new Copied(withSm3 ? readBack : source, alreadyPresent, Duration.ofNanos(placed - started),
				Duration.ofNanos(System.nanoTime() - placed), false);
	}

	/**
	 * Between two filesystem stores: the kernel copies, the copy is read back as it is written and forced to disk,
	 * then held against the name and the record; only a copy that matches is placed. A copy that does not is
	 * discarded, and the source is digested to say which side is damaged.
	 */
	private static Copied copyReadingBack(FileSystemBlobStore from, FileSystemBlobStore to, ContentDigest name,
			@Nullable ContentDigest known, boolean withSm3) {
		var started = System.nanoTime();
		try (var staged = to.stageCopyOf(from, name.sha256(), withSm3)) {
			var readBack = staged.digest();
			var copied = System.nanoTime();
			var expected = known != null ? known : name;
			var right = readBack.sha256().equals(name.sha256())
					&& (known == null || matches(readBack, known, withSm3 && known.sm3() != null));
			if (!right) {
				throw new Failed(whichDiffers(from, name, known), new BlobCorrupted(expected, readBack));
			}
			var alreadyPresent = staged.commit().alreadyPresent();
			var digest = withSm3 || known == null ? readBack
					: new ContentDigest(name.sha256(), known.sm3(), readBack.sizeBytes());
			return new Copied(digest, alreadyPresent, Duration.ofNanos(copied - started),
					Duration.ofNanos(System.nanoTime() - copied), true);
		}
	}

	/** After a copy read back wrong: whether the source is damaged (its bytes no longer match) or the copy is. */
	private static String whichDiffers(BlobStore from, ContentDigest name, @Nullable ContentDigest known) {
		try (var in = from.open(name)) {
			var source = TwinDigest.of(in, known != null && known.sm3() != null);
			var sourceRight = source.sha256().equals(name.sha256()) && (known == null || known.sameContentAs(source));
			return sourceRight ? Failed.COPY_DIFFERS : Failed.SOURCE_DIFFERS;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** SHA-256 and size, and SM3 too when {@code withSm3}. */
	private static boolean matches(ContentDigest readBack, ContentDigest source, boolean withSm3) {
		return readBack.sha256().equals(source.sha256()) && readBack.sizeBytes() == source.sizeBytes()
				&& (!withSm3 || Objects.equals(readBack.sm3(), source.sm3()));
	}

	/** Copies through the target's spool, which checks the SHA-256 on the way, and the size against the record. */
	private static StoredBlob storeChecked(BlobStore from, BlobStore to, ContentDigest name,
			@Nullable ContentDigest known) {
		try (var in = from.open(name)) {
			var stored = store(to, in, name, () -> -1L);
			if (known != null && stored.digest().sizeBytes() != known.sizeBytes()) {
				throw new Failed(Failed.SOURCE_DIFFERS, new BlobCorrupted(known, stored.digest()));
			}
			return stored;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static StoredBlob store(BlobStore to, InputStream in, ContentDigest name, LongSupplier read) {
		try {
			return to.store(in, name.sha256());
		}
		catch (org.lawtrace.shared.Unprocessable e) {
			// the source's bytes no longer match their name: the target refused them, and the source is damaged
			throw new Failed(Failed.SOURCE_DIFFERS,
					new BlobCorrupted(name, new ContentDigest(name.sha256(), null, Math.max(0, read.getAsLong()))));
		}
	}
}
