package org.lawtrace.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A signed tree head (签名检查点): the root of the first {@code treeSize} entries, signed with the log's key (SM2, or
 * ECDSA P-256 when the key is held in a PKCS#11 token; {@code algorithm} says which).
 */
public record Checkpoint(long treeSize, String rootHash, Instant signedAt, String algorithm, String signature) {

	/** What the signature covers; the text form lets anyone re-check it with standard SM2 tools. */
	public static byte[] signedBytes(long treeSize, String rootHash, Instant signedAt) {
		return ("lawtrace-audit-checkpoint-v1\n" + treeSize + "\n" + rootHash + "\n" + signedAt + "\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	public byte[] signedBytes() {
		return signedBytes(treeSize, rootHash, signedAt);
	}

	/**
	 * Whether this checkpoint's signature verifies with a public key of its {@link #algorithm()} (SM2-SM3, or
	 * ECDSA-P256-SHA256 for a key held in a PKCS#11 token) given as its uncompressed point in hex, as
	 * {@link AuditLog#publicKey()} publishes it; for checking exports offline, without the log.
	 */
	public boolean signedBy(String publicKeyHex) {
		try {
			return CheckpointKey.of(algorithm, publicKeyHex).verifies(signedBytes(), signature);
		}
		catch (IllegalArgumentException notAKey) {
			return false;
		}
	}
}
