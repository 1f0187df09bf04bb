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
 * @param algorithm {@code SM2-SM3} (key file) or {@code ECDSA-P256-SHA256} (PKCS#11 token).
 * @param leafHashes the leaf hashes of entries {@code previousTreeSize} to {@code treeSize - 1}, in hex.
 * @param certificate the signing key's X.509 certificate (DER, base64) as read from the PKCS#11 token that holds
 *        the key; null for the key file's SM2 key, which has none.
 */
public record Anchor(String format, long treeSize, String rootHash, String signedAt, String algorithm,
		String signature, String publicKey, long previousTreeSize, @Nullable String previousRootHash,
		List<String> consistencyProof, List<String> leafHashes, @Nullable String certificate) {

	/** An anchor signed with a key that has no certificate. */
	Anchor(String format, long treeSize, String rootHash, String signedAt, String algorithm, String signature,
			String publicKey, long previousTreeSize, @Nullable String previousRootHash, List<String> consistencyProof,
			List<String> leafHashes) {
		this(format, treeSize, rootHash, signedAt, algorithm, signature, publicKey, previousTreeSize, previousRootHash,
				consistencyProof, leafHashes, null);
	}

	public static final String FORMAT = "lawtrace-audit-anchor-v1";
	/** Anchors of the audit log are named by the tree size they cover, padded, so they list in order. */
	static final String PREFIX = "audit-log-";

	static String nameOf(long treeSize) {
		return PREFIX + String.format("%020d", treeSize) + ".json";
	}

	/** The tree size an anchor's name gives, or -1 when it is not an anchor's name. */
	static long sizeOf(String name) {
		if (!name.startsWith(PREFIX) || !name.endsWith(".json")) {
			return -1;
		}
		try {
			return Long.parseLong(name.substring(PREFIX.length(), name.length() - ".json".length()));
		}
		catch (NumberFormatException notAnAnchor) {
			return -1;
		}
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
