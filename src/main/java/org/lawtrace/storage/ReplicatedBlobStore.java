package org.lawtrace.storage;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.ContentDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The primary store as the application uses it when an off-site replica is configured (ART-15.3): every blob that is
 * stored, committed or derived is put on the durable replication queue right after it is placed. Should enqueuing
 * fail (the database away for a moment), the blob is still stored and the catch-up, which compares the store with
 * the queue, enqueues it later, so nothing is lost between placing and enqueuing. SM3 digests computed of primary
 * blobs are remembered on the queue, so the replica's copy is checked against the digest the primary had.
 */
final class ReplicatedBlobStore implements BlobStore {

	private static final Logger log = LoggerFactory.getLogger(ReplicatedBlobStore.class);

	private final BlobStore primary;
	private final ReplicationQueue queue;
	private final Clock clock;
	private final Runnable nudge;
	private final Duration settle;

	ReplicatedBlobStore(BlobStore primary, ReplicationQueue queue, Clock clock, Runnable nudge, Duration settle) {
		this.settle = settle;
		this.primary = primary;
		this.queue = queue;
		this.clock = clock;
		this.nudge = nudge;
	}

	/** The store itself, undecorated. */
	BlobStore primary() {
		return primary;
	}

	@Override
	public StoredBlob store(InputStream in, @Nullable String expectedSha256) {
		return enqueued(primary.store(in, expectedSha256));
	}

	@Override
	public StagedBlob stage(InputStream in, @Nullable String expectedSha256) {
		var staged = primary.stage(in, expectedSha256);
		return new StagedBlob() {

			@Override
			public ContentDigest digest() {
				return staged.digest();
			}

			@Override
			public InputStream open() {
				return staged.open();
			}

			@Override
			public StoredBlob commit() {
				return enqueued(staged.commit());
			}

			@Override
			public void close() {
				staged.close();
			}
		};
	}

	@Override
	public boolean contains(ContentDigest digest) {
		return primary.contains(digest);
	}

	@Override
	public InputStream open(ContentDigest digest) {
		return primary.open(digest);
	}

	@Override
	public InputStream openRange(ContentDigest digest, long offset, long length) {
		return primary.openRange(digest, offset, length);
	}

	@Override
	public void requireReachable() {
		primary.requireReachable();
	}

	@Override
	public boolean sendDirect(ContentDigest digest, long offset, long length,
			jakarta.servlet.http.HttpServletRequest request) {
		return primary.sendDirect(digest, offset, length, request);
	}

	@Override
	public ContentDigest withSm3(ContentDigest digest) {
		return remembered(primary.withSm3(digest));
	}

	@Override
	public ContentDigest verify(ContentDigest digest) {
		return remembered(primary.verify(digest));
	}

	@Override
	public StoredBlob derive(ContentDigest source, List<String> command, Duration timeout) {
		return enqueued(primary.derive(source, command, timeout));
	}

	@Override
	public Set<String> inventory() {
		return primary.inventory();
	}

	/** A damaged primary copy is set aside where it lies; the replica keeps its own copy. */
	@Override
	public String quarantine(ContentDigest digest, java.time.Instant at) {
		return primary.quarantine(digest, at);
	}

	/** A repaired primary copy has the content the replica already holds: nothing to queue. */
	@Override
	public ContentDigest repair(ContentDigest expected, InputStream good) {
		return primary.repair(expected, good);
	}

	private StoredBlob enqueued(StoredBlob stored) {
		try {
			var now = clock.instant();
			if (queue.enqueue(stored.digest().sha256(), stored.digest().sizeBytes(), now, now.plus(settle))) {
				nudge.run();
			}
		}
		catch (RuntimeException e) {
			log.warn("Could not queue blob {} for the off-site replica now; the catch-up will", stored.digest().sha256(),
					e);
		}
		return stored;
	}

	private ContentDigest remembered(ContentDigest digest) {
		try {
			queue.knownDigest(digest);
		}
		catch (RuntimeException e) {
			log.debug("Could not remember the SM3 of blob {}", digest.sha256(), e);
		}
		return digest;
	}
}
