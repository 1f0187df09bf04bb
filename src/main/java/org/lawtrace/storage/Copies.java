package org.lawtrace.storage;

import java.util.List;
import java.util.Optional;

/** Both copies of the store as they are on disk or in their buckets, unchecked: for the fixity audit alone. */
final class Copies implements AutoCloseable {

	private final BlobStore primary;
	private final Replica replica;

	Copies(BlobStore primary, Replica replica) {
		this.primary = primary;
		this.replica = replica;
	}

	BlobStore primary() {
		return primary;
	}

	Optional<BlobStore> of(Copy copy) {
		return copy == Copy.PRIMARY ? Optional.of(primary) : replica.store();
	}

	/** The copies there are: the primary, and the replica where one is configured. */
	List<Copy> configured() {
		return replica.configured() ? List.of(Copy.PRIMARY, Copy.REPLICA) : List.of(Copy.PRIMARY);
	}

	/** Closes what holds connections (an object store's client); a filesystem holds none. */
	@Override
	public void close() throws Exception {
		if (primary instanceof AutoCloseable closeable) {
			closeable.close();
		}
		if (replica.store().orElse(null) instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}

	static Copy other(Copy copy) {
		return copy == Copy.PRIMARY ? Copy.REPLICA : Copy.PRIMARY;
	}
}
