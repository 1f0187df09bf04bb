package org.lawtrace.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Recomputes the log from its rows: each entry's place and leaf hash, then the tree at every checkpoint against
 * its signed root, so a row changed, removed or reordered in the database is found (ART-22).
 * <p>
 * Entries are fed one at a time in stored order and only the tree's right edge is kept (one hash per level, see
 * {@link MerkleTree.Frontier}), so a log of millions of entries verifies in one pass without holding it in memory.
 */
final class LogVerifier {

	private static final HexFormat HEX = HexFormat.of();

	private final MerkleTree.Frontier tree = new MerkleTree.Frontier();
	private final Set<Long> checkpointSizes;
	/** The recomputed root at each checkpoint's size, taken as the verified prefix passes it. */
	private final Map<Long, String> rootsAt = new HashMap<>();
	private @Nullable Long mismatch;
	private String reason = "";

	private LogVerifier(List<Checkpoint> checkpoints) {
		this.checkpointSizes = checkpoints.stream().map(Checkpoint::treeSize).collect(Collectors.toSet());
		remember();
	}

	/** Entries in stored order (by sequence number); the key may be null when the log has never been signed. */
	static Verification verify(List<AuditEntry> entries, List<Checkpoint> checkpoints, @Nullable CheckpointKey key) {
		var verifier = new LogVerifier(checkpoints);
		for (var e : entries) {
			if (!verifier.accept(e)) {
				break;
			}
		}
		return verifier.finish(entries.size(), checkpoints, key);
	}

	/** A verifier to feed entries to, for logs too long to hand over as one list. */
	static LogVerifier over(List<Checkpoint> checkpoints) {
		return new LogVerifier(checkpoints);
	}

	/** Takes the next stored entry; answers false once an entry has failed, when the rest need not be read. */
	boolean accept(AuditEntry e) {
		if (mismatch != null) {
			return false;
		}
		var i = tree.size();
		if (e.seq() != i) {
			mismatch = i;
			reason = e.seq() > i ? "entry " + i + " is missing (row removed)"
					: "entry " + i + " has sequence number " + e.seq() + " (rows out of order)";
			return false;
		}
		if (!e.computedLeafHash().equals(e.leafHash())) {
			mismatch = i;
			reason = "leaf hash differs (row changed, or moved from another place)";
			return false;
		}
		tree.add(HEX.parseHex(e.leafHash()));
		remember();
		return true;
	}

	private void remember() {
		if (checkpointSizes.contains(tree.size())) {
			rootsAt.put(tree.size(), HEX.formatHex(tree.root()));
		}
	}

	/** What was found, given how many rows are stored in all. */
	Verification finish(long stored, List<Checkpoint> checkpoints, @Nullable CheckpointKey key) {
		var checked = checkpoints(stored, checkpoints, key);
		var found = mismatch;
		var why = reason;
		if (found == null && checked.mismatch != null) {
			found = checked.mismatch;
			why = checked.reason;
		}
		var verified = found == null;
		return new Verification(stored, HEX.formatHex(tree.root()), verified, found,
				verified ? (checked.reason.isEmpty() ? "every entry matches its leaf hash" : checked.reason) : why,
				checkpoints.size(), checked.reason.isEmpty() && checked.mismatch == null);
	}

	private record Checked(@Nullable Long mismatch, String reason) {
	}

	/**
	 * Checks each checkpoint over the entries that verified: its signature, and its root against the recomputed one.
	 * A root that differs although every leaf matched means rows were rewritten with their hashes recomputed; the
	 * damage then lies after the last checkpoint that still matches.
	 */
	private Checked checkpoints(long stored, List<Checkpoint> checkpoints, @Nullable CheckpointKey key) {
		long lastGood = 0;
		var ordered = new ArrayList<>(checkpoints);
		ordered.sort((a, b) -> Long.compare(a.treeSize(), b.treeSize()));
		// an SM2 verification costs about a millisecond and a million-entry log has ten thousand checkpoints: checked
		// on every core, then read in order so the first bad one is still the one reported
		var signatureHolds = ordered.parallelStream()
			.map(c -> key != null && key.algorithm().equals(c.algorithm())
					&& key.verifies(c.signedBytes(), c.signature()))
			.toList();
		for (var i = 0; i < ordered.size(); i++) {
			var c = ordered.get(i);
			if (!signatureHolds.get(i)) {
				return new Checked(null, "the signature of the checkpoint at size " + c.treeSize() + " does not verify");
			}
			if (c.treeSize() > stored) {
				return new Checked(lastGood, "the checkpoint at size " + c.treeSize() + " covers more entries than the "
						+ stored + " stored (rows removed from the end)");
			}
			if (c.treeSize() > tree.size()) {
				return new Checked(null, "checkpoints from size " + c.treeSize() + " on not checked: an entry before fails");
			}
			if (!c.rootHash().equals(rootsAt.get(c.treeSize()))) {
				return new Checked(lastGood, "the root at size " + c.treeSize() + " differs from the signed checkpoint "
						+ "(an entry from " + lastGood + " on was rewritten with its hash recomputed)");
			}
			lastGood = c.treeSize();
		}
		return new Checked(null, "");
	}
}
