package org.lawtrace.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.ContentDigest;

/**
 * Copies one blob from a store to another and proves the copy (ART-15.3): the bytes read from the source are
 * digested with SM3 on the way (the target's spool checks their SHA-256 against the blob's name before it places
 * them), then the target's copy is READ BACK and its SHA-256, SM3 and size must equal the source's. Used both ways:
 * primary to replica (replication) and replica to an empty primary ({@code restore}).
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
	 * What a copy found: the verified digest, whether the target held the blob already, and how long the two steps
	 * took: placing the copy durably on the target, then reading it back and checking it (SM3's speed bounds that
	 * step; the replication log names both).
	 */
	record Copied(ContentDigest digest, boolean alreadyPresent, Duration copying, Duration checking) {
	}

	/**
	 * @param sha256 the blob, by its name.
	 * @param known the source's digest where it is recorded already (SM3 included), so the source is not digested
	 *        again; {@literal null} to compute it from the source's bytes as they are copied.
	 * @throws Failed when the target's copy, read back, differs from the source (or the source differs from
	 *         its own name); the target may then hold a bad copy, which is write-once and left for the fixity audit.
	 */
	static Copied copy(BlobStore from, BlobStore to, String sha256, @Nullable ContentDigest known) {
		var name = new ContentDigest(sha256, null, 0);
		var started = System.nanoTime();
		ContentDigest source;
		boolean alreadyPresent;
		if (known != null && known.sm3() != null) {
			// the source's SM3 is on record: its bytes only need the SHA-256 the target's spool checks on the way
			alreadyPresent = to.contains(name) || copyChecked(from, to, name, known);
			source = known;
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
		try (var in = to.open(source)) {
			readBack = Sm3Alongside.digest(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (!readBack.equals(source)) {
			throw new Failed(Failed.COPY_DIFFERS, new BlobCorrupted(source, readBack));
		}
		return new Copied(source, alreadyPresent, Duration.ofNanos(placed - started),
				Duration.ofNanos(System.nanoTime() - placed));
	}

	/** @return whether the target held it already. */
	private static boolean copyChecked(BlobStore from, BlobStore to, ContentDigest name, ContentDigest known) {
		try (var in = from.open(name)) {
			var stored = store(to, in, name, () -> -1L);
			if (stored.digest().sizeBytes() != known.sizeBytes()) {
				throw new Failed(Failed.SOURCE_DIFFERS, new BlobCorrupted(known, stored.digest()));
			}
			return stored.alreadyPresent();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static StoredBlob store(BlobStore to, java.io.InputStream in, ContentDigest name,
			java.util.function.LongSupplier read) {
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
