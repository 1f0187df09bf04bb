package org.lawtrace.audit;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Recomputes the log from its rows: each entry's place and leaf hash, then the tree at every checkpoint against
 * its signed root, so a row changed, removed or reordered in the database is found (ART-22).
 */
final class LogVerifier {

	private static final HexFormat HEX = HexFormat.of();

	private LogVerifier() {
	}

	/** Entries in stored order (by sequence number); the key may be null when the log has never been signed. */
	static Verification verify(List<AuditEntry> entries, List<Checkpoint> checkpoints, @Nullable SigningKey key) {
		var leaves = new ArrayList<byte[]>(entries.size());
		@Nullable Long mismatch = null;
		var reason = "";
		for (var i = 0; i < entries.size(); i++) {
			var e = entries.get(i);
			if (e.seq() != i) {
				mismatch = (long) i;
				reason = e.seq() > i ? "entry " + i + " is missing (row removed)"
						: "entry " + i + " has sequence number " + e.seq() + " (rows out of order)";
				break;
			}
			if (!e.computedLeafHash().equals(e.leafHash())) {
				mismatch = (long) i;
				reason = "leaf hash differs (row changed, or moved from another place)";
				break;
			}
			leaves.add(HEX.parseHex(e.leafHash()));
		}
		var checked = checkpoints(leaves, entries.size(), checkpoints, key);
		if (mismatch == null && checked.mismatch != null) {
			mismatch = checked.mismatch;
			reason = checked.reason;
		}
		var verified = mismatch == null;
		return new Verification(entries.size(), HEX.formatHex(MerkleTree.root(leaves)), verified, mismatch,
				verified ? (checked.reason.isEmpty() ? "every entry matches its leaf hash" : checked.reason) : reason,
				checkpoints.size(), checked.reason.isEmpty() && checked.mismatch == null);
	}

	private record Checked(@Nullable Long mismatch, String reason) {
	}

	/**
	 * Checks each checkpoint over the entries that verified: its signature, and its root against the recomputed one.
	 * A root that differs although every leaf matched means rows were rewritten with their hashes recomputed; the
	 * damage then lies after the last checkpoint that still matches.
	 */
	private static Checked checkpoints(List<byte[]> leaves, int stored, List<Checkpoint> checkpoints,
			@Nullable SigningKey key) {
		long lastGood = 0;
		for (var c : checkpoints) {
			if (key == null || !key.verifies(c.signedBytes(), c.signature())) {
				return new Checked(null, "the signature of the checkpoint at size " + c.treeSize() + " does not verify");
			}
			if (c.treeSize() > stored) {
				return new Checked(lastGood, "the checkpoint at size " + c.treeSize() + " covers more entries than the "
						+ stored + " stored (rows removed from the end)");
			}
			if (c.treeSize() > leaves.size()) {
				return new Checked(null, "checkpoints from size " + c.treeSize() + " on not checked: an entry before fails");
			}
			var root = HEX.formatHex(MerkleTree.root(leaves.subList(0, (int) c.treeSize())));
			if (!root.equals(c.rootHash())) {
				return new Checked(lastGood, "the root at size " + c.treeSize() + " differs from the signed checkpoint "
						+ "(an entry from " + lastGood + " on was rewritten with its hash recomputed)");
			}
			lastGood = c.treeSize();
		}
		return new Checked(null, "");
	}
}
