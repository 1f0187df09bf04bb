package org.lawtrace.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** RFC 9162 §2.1.4 consistency proofs, which tie each audit anchor to the next and to the database's tree (ART-22). */
class MerkleConsistencyUnitTests {

	private static List<byte[]> leaves(int n) {
		var leaves = new ArrayList<byte[]>();
		for (var i = 0; i < n; i++) {
			leaves.add(MerkleTree.leafHash(new byte[] { (byte) i, (byte) (i >> 8) }));
		}
		return leaves;
	}

	@Test
	@DisplayName("RFC 9162 §2.1.4: the example of the RFC: PROOF(3, D[7]) = [c, d, g, l], PROOF(4, D[7]) = [l], PROOF(6, D[7]) = [i, j, k]")
	void followsTheRfcExample() {
		var d = leaves(7);
		var c = d.get(2);
		var dd = d.get(3);
		var g = MerkleTree.root(d.subList(0, 2));
		var l = MerkleTree.root(d.subList(4, 7));
		assertThat(MerkleTree.consistencyProof(d, 3)).containsExactly(c, dd, g, l);
		assertThat(MerkleTree.consistencyProof(d, 4)).containsExactly(l);
		var i = MerkleTree.root(d.subList(4, 6));
		var j = d.get(6);
		var k = MerkleTree.root(d.subList(0, 4));
		assertThat(MerkleTree.consistencyProof(d, 6)).containsExactly(i, j, k);
	}

	@Test
	@DisplayName("RFC 9162 §2.1.4.2: every prefix of trees up to 70 leaves proves consistent, and no other root does")
	void everyPrefixVerifiesAndNothingElse() {
		var all = leaves(70);
		for (var n = 1; n <= all.size(); n++) {
			var tree = all.subList(0, n);
			var root = MerkleTree.root(tree);
			for (var m = 0; m <= n; m++) {
				var old = MerkleTree.root(tree.subList(0, m));
				var proof = MerkleTree.consistencyProof(tree, m);
				assertThat(MerkleTree.verifyConsistency(m, n, old, root, proof)).as("%d of %d", m, n).isTrue();
				if (m > 0 && m < n) {
					// a rewritten old leaf gives another old root, which no longer proves consistent
					var rewritten = new ArrayList<>(tree.subList(0, m));
					rewritten.set(m - 1, MerkleTree.leafHash(new byte[] { 'x' }));
					assertThat(MerkleTree.verifyConsistency(m, n, MerkleTree.root(rewritten), root, proof)).isFalse();
					assertThat(MerkleTree.verifyConsistency(m, n, old, MerkleTree.leafHash(new byte[0]), proof)).isFalse();
				}
			}
		}
	}
}
