package org.lawtrace.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import org.lawtrace.storage.Anchors;
import org.lawtrace.storage.NamedObjects;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The audit log's anchors in the store's write-once folder of anchors, as JSON objects named by tree size. */
@Component
class AuditAnchors {

	private static final ObjectMapper JSON = new ObjectMapper()
		.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

	private final NamedObjects store;

	@org.springframework.beans.factory.annotation.Autowired
	AuditAnchors(Anchors store) {
		this.store = store;
	}

	/** Over any named objects, such as an off-site copy of the anchors. */
	AuditAnchors(NamedObjects store) {
		this.store = store;
	}

	/** The names of the log's anchors, oldest first. */
	List<String> names() {
		return store.list().stream().filter(name -> name.startsWith(Anchor.PREFIX)).toList();
	}

	/** @throws IllegalStateException when the object is gone or is not an anchor. */
	Anchor read(String name) {
		var bytes = store.read(name).orElseThrow(() -> new IllegalStateException("anchor " + name + " is gone"));
		try {
			var anchor = JSON.readValue(bytes, Anchor.class);
			if (!Anchor.FORMAT.equals(anchor.format()) || anchor.leafHashes() == null
					|| anchor.consistencyProof() == null) {
				throw new IllegalStateException("anchor " + name + " is not in format " + Anchor.FORMAT);
			}
			return anchor;
		}
		catch (IOException e) {
			throw new IllegalStateException("anchor " + name + " is not readable JSON: " + e.getMessage(), e);
		}
	}

	Optional<Anchor> latest() {
		var names = names();
		return names.isEmpty() ? Optional.empty() : Optional.of(read(names.get(names.size() - 1)));
	}

	/** @throws NamedObjects.NameTaken when an anchor of that tree size exists already. */
	void write(Anchor anchor) {
		try {
			store.write(Anchor.nameOf(anchor.treeSize()), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(anchor));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The RFC 3161 timestamp token of the anchor at this size, written once beside it. */
	static String timestampNameOf(long treeSize) {
		return TIMESTAMP_PREFIX + String.format("%020d", treeSize) + ".tsr";
	}

	static final String TIMESTAMP_PREFIX = "audit-timestamp-";

	/** The tree sizes of the anchors that have a timestamp token. */
	java.util.Set<Long> timestamped() {
		var sizes = new java.util.HashSet<Long>();
		for (var name : store.list()) {
			if (name.startsWith(TIMESTAMP_PREFIX) && name.endsWith(".tsr")) {
				try {
					sizes.add(Long.parseLong(name.substring(TIMESTAMP_PREFIX.length(), name.length() - 4)));
				}
				catch (NumberFormatException notOurs) {
					// not a timestamp of ours
				}
			}
		}
		return sizes;
	}

	Optional<byte[]> timestamp(long treeSize) {
		return store.read(timestampNameOf(treeSize));
	}

	/** @throws NamedObjects.NameTaken when the anchor has a timestamp already. */
	void writeTimestamp(long treeSize, byte[] token) {
		store.write(timestampNameOf(treeSize), token);
	}

	String where() {
		return store.toString();
	}
}
