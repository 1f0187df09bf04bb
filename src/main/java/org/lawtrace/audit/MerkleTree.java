package org.lawtrace.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

	/**
	 * PROOF(m, D[n]) of RFC 9162 §2.1.4.1: the hashes that show the tree of the first {@code m} leaves is a prefix
	 * of the tree of all of them; empty when {@code m} is 0 or the whole tree.
	 */
	public static List<byte[]> consistencyProof(List<byte[]> leafHashes, int m) {
		if (m < 0 || m > leafHashes.size()) {
			throw new IllegalArgumentException("a tree of " + m + " is not a prefix of one of " + leafHashes.size());
		}
		var proof = new ArrayList<byte[]>();
		if (m > 0 && m < leafHashes.size()) {
			subproof(leafHashes, m, 0, leafHashes.size(), true, proof);
		}
		return proof;
	}

	private static void subproof(List<byte[]> leaves, int m, int from, int to, boolean whole, List<byte[]> proof) {
		var n = to - from;
		if (m == n) {
			if (!whole) {
				proof.add(root(leaves, from, to));
			}
			return;
		}
		var k = split(n);
		if (m <= k) {
			subproof(leaves, m, from, from + k, whole, proof);
			proof.add(root(leaves, from + k, to));
		}
		else {
			subproof(leaves, m - k, from + k, to, false, proof);
			proof.add(root(leaves, from, from + k));
		}
	}

	/**
	 * Verifies a consistency proof by the algorithm of RFC 9162 §2.1.4.2: whether the tree of {@code first} leaves
	 * with head {@code firstRoot} is a prefix of the tree of {@code second} leaves with head {@code secondRoot}.
	 */
	public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
			List<byte[]> proof) {
		if (first < 0 || first > second) {
			return false;
		}
		if (first == second) {
			return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
		}
		if (first == 0) {
			// the empty tree is a prefix of every tree
			return proof.isEmpty();
		}
		if (proof.isEmpty()) {
			return false;
		}
		var path = new ArrayList<byte[]>(proof.size() + 1);
		if (Long.bitCount(first) == 1) {
			path.add(firstRoot);
		}
		path.addAll(proof);
		var fn = first - 1;
		var sn = second - 1;
		while ((fn & 1) == 1) {
			fn >>= 1;
			sn >>= 1;
		}
		var fr = path.get(0);
		var sr = path.get(0);
		for (var c : path.subList(1, path.size())) {
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				fr = nodeHash(c, fr);
				sr = nodeHash(c, sr);
				if ((fn & 1) == 0) {
					while ((fn & 1) == 0 && fn != 0) {
						fn >>= 1;
						sn >>= 1;
					}
				}
			}
			else {
				sr = nodeHash(sr, c);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
	}

	/** Subtrees smaller than this are recomputed rather than remembered, which bounds memory for long logs. */
	private static final int REMEMBERED_SUBTREE = 64;

	/**
	 * The inclusion proofs of several leaves of one tree at once, each as {@link #inclusionProof} would answer it;
	 * subtree hashes shared by the paths are computed once, so a custody extract of many entries costs about one
	 * pass over the tree rather than one per entry.
	 */
	public static List<List<byte[]>> inclusionProofs(List<byte[]> leafHashes, List<Long> indices) {
		var known = new HashMap<Long, byte[]>();
		var proofs = new ArrayList<List<byte[]>>(indices.size());
		for (var index : indices) {
			if (index < 0 || index >= leafHashes.size()) {
				throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + leafHashes.size());
			}
			var proof = new ArrayList<byte[]>();
			path(leafHashes, index.intValue(), 0, leafHashes.size(), proof, known);
			proofs.add(proof);
		}
		return proofs;
	}

	private static void path(List<byte[]> leaves, int m, int from, int to, List<byte[]> proof,
			Map<Long, byte[]> known) {
		var n = to - from;
		if (n <= 1) {
			return;
		}
		var k = split(n);
		if (m < k) {
			path(leaves, m, from, from + k, proof, known);
			proof.add(root(leaves, from + k, to, known));
		}
		else {
			path(leaves, m - k, from + k, to, proof, known);
			proof.add(root(leaves, from, from + k, known));
		}
	}

	private static byte[] root(List<byte[]> leaves, int from, int to, Map<Long, byte[]> known) {
		var n = to - from;
		if (n < REMEMBERED_SUBTREE) {
			return root(leaves, from, to);
		}
		var key = ((long) from << 32) | to;
		var found = known.get(key);
		if (found != null) {
			return found;
		}
		var k = split(n);
		var hash = nodeHash(root(leaves, from, from + k, known), root(leaves, from + k, to, known));
		known.put(key, hash);
		return hash;
	}

	/**
	 * The right edge of a growing tree: the roots of its perfect subtrees, largest first (one per set bit of the
	 * size). RFC 9162 splits a tree at the largest power of two below its size, so its head is these roots folded
	 * from the right; appending a leaf merges equal-sized subtrees like carrying in binary addition.
	 */
	public static final class Frontier {

		private final List<byte[]> subtrees = new ArrayList<>();
		private long size;

		public long size() {
			return size;
		}

		public void add(byte[] leafHash) {
			var hash = leafHash;
			// each trailing one bit of the old size is a perfect subtree of the same height as the one carried
			for (var s = size; (s & 1) == 1; s >>= 1) {
				hash = nodeHash(subtrees.remove(subtrees.size() - 1), hash);
			}
			subtrees.add(hash);
			size++;
		}

		/** MTH of the leaves added so far. */
		public byte[] root() {
			if (subtrees.isEmpty()) {
				return emptyRoot();
			}
			var hash = subtrees.get(subtrees.size() - 1);
			for (var i = subtrees.size() - 2; i >= 0; i--) {
				hash = nodeHash(subtrees.get(i), hash);
			}
			return hash;
		}
	}

	/** The largest power of two smaller than n, where RFC 9162 splits a tree of n leaves. */
	private static int split(int n) {
		var k = Integer.highestOneBit(n);
		return k == n ? k >> 1 : k;
	}

	/** One digest per thread, reset before each use: looking the algorithm up costs as much as hashing a leaf. */
	private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	});

	private static MessageDigest sha256() {
		var digest = SHA256.get();
		digest.reset();
		return digest;
	}
}
