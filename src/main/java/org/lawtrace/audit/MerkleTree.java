package org.lawtrace.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The Merkle tree hash, inclusion proofs and their verification of RFC 9162 §2.1, with SHA-256. */
public final class MerkleTree {

	private MerkleTree() {
	}

	/** MTH of the empty tree: the hash of the empty string (RFC 9162 §2.1.1). */
	public static byte[] emptyRoot() {
		return sha256().digest();
	}

	/** The leaf hash SHA-256(0x00 || entry); the prefix keeps a leaf from passing for an inner node. */
	public static byte[] leafHash(byte[] entry) {
		var digest = sha256();
		digest.update((byte) 0x00);
		digest.update(entry);
		return digest.digest();
	}

	/** An inner node SHA-256(0x01 || left || right). */
	public static byte[] nodeHash(byte[] left, byte[] right) {
		var digest = sha256();
		digest.update((byte) 0x01);
		digest.update(left);
		digest.update(right);
		return digest.digest();
	}

	/** The tree head MTH over these leaf hashes, in order. */
	public static byte[] root(List<byte[]> leafHashes) {
		return leafHashes.isEmpty() ? emptyRoot() : root(leafHashes, 0, leafHashes.size());
	}

	private static byte[] root(List<byte[]> leaves, int from, int to) {
		var n = to - from;
		if (n == 1) {
			return leaves.get(from);
		}
		var k = split(n);
		return nodeHash(root(leaves, from, from + k), root(leaves, from + k, to));
	}

	/** PATH(m, D[n]) of RFC 9162 §2.1.3.1: the sibling hashes from leaf {@code index} up to the root. */
	public static List<byte[]> inclusionProof(List<byte[]> leafHashes, int index) {
		if (index < 0 || index >= leafHashes.size()) {
			throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + leafHashes.size());
		}
		var proof = new ArrayList<byte[]>();
		path(leafHashes, index, 0, leafHashes.size(), proof);
		return proof;
	}

	private static void path(List<byte[]> leaves, int m, int from, int to, List<byte[]> proof) {
		var n = to - from;
		if (n <= 1) {
			return;
		}
		var k = split(n);
		if (m < k) {
			path(leaves, m, from, from + k, proof);
			proof.add(root(leaves, from + k, to));
		}
		else {
			path(leaves, m - k, from + k, to, proof);
			proof.add(root(leaves, from, from + k));
		}
	}

	/** Verifies an inclusion proof by the algorithm of RFC 9162 §2.1.3.2. */
	public static boolean verifyInclusion(long index, long treeSize, byte[] leafHash, List<byte[]> proof,
			byte[] root) {
		if (index < 0 || index >= treeSize) {
			return false;
		}
		var fn = index;
		var sn = treeSize - 1;
		var r = leafHash;
		for (var p : proof) {
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				r = nodeHash(p, r);
				if ((fn & 1) == 0) {
					while ((fn & 1) == 0 && fn != 0) {
						fn >>= 1;
						sn >>= 1;
					}
				}
			}
			else {
				r = nodeHash(r, p);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && Arrays.equals(r, root);
	}

	/** The largest power of two smaller than n, where RFC 9162 splits a tree of n leaves. */
	private static int split(int n) {
		var k = Integer.highestOneBit(n);
		return k == n ? k >> 1 : k;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}
}
