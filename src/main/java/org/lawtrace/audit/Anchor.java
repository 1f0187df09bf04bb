package org.lawtrace.audit;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A signed checkpoint kept outside the database (锚点, ART-22): the signed tree head, the public key it verifies
 * with, the leaf hashes of the entries added since the previous anchor (so a rewritten entry can be named even when
 * its row's hash was recomputed), and the RFC 9162 consistency proof from the previous anchor's tree to this one.
 * Written once to the write-once store as JSON; a verifier needs nothing else to check the anchors among themselves.
 *
 * @param format always {@link #FORMAT}.
 * @param consistencyProof PROOF(previousTreeSize, D[treeSize]) in hex, empty for the first anchor.
 * @param leafHashes the leaf hashes of entries {@code previousTreeSize} to {@code treeSize - 1}, in hex.
 */
public record Anchor(String format, long treeSize, String rootHash, String signedAt, String algorithm,
		String signature, String publicKey, long previousTreeSize, @Nullable String previousRootHash,
		List<String> consistencyProof, List<String> leafHashes) {

	public static final String FORMAT = "lawtrace-audit-anchor-v1";
	/** Anchors of the audit log are named by the tree size they cover, padded, so they list in order. */
	static final String PREFIX = "audit-log-";

	static String nameOf(long treeSize) {
		return PREFIX + String.format("%020d", treeSize) + ".json";
	}

	Checkpoint checkpoint() {
		return new Checkpoint(treeSize, rootHash, Instant.parse(signedAt), algorithm, signature);
	}

	/** Whether the signature verifies with the public key the anchor names. */
	boolean signatureHolds() {
		try {
			return checkpoint().signedBy(publicKey);
		}
		catch (RuntimeException unreadable) {
			return false;
		}
	}
}
