package org.lawtrace.storage;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The off-site copy of the write-once store (异地备份, ART-15.3), when one is configured: a second {@link BlobStore}
 * at another site that holds a copy of every blob, from which a damaged or lost primary copy is repaired or restored.
 */
public final class Replica {

	private final @Nullable BlobStore store;
	private final @Nullable NamedObjects anchors;

	Replica(@Nullable BlobStore store) {
		this(store, null);
	}

	Replica(@Nullable BlobStore store, @Nullable NamedObjects anchors) {
		this.store = store;
		this.anchors = anchors;
	}

	/** The replica's folder of anchors, where the primary's {@link Anchors} are copied. */
	Optional<NamedObjects> anchors() {
		return Optional.ofNullable(anchors);
	}

	/** @return the replica's store, or empty when the bureau has configured none. */
	public Optional<BlobStore> store() {
		return Optional.ofNullable(store);
	}

	public boolean configured() {
		return store != null;
	}
}
