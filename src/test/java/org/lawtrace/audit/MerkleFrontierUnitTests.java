package org.lawtrace.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ART-22: the streaming tree (the right edge only) and the batched inclusion proofs agree with the plain RFC 9162
 * definitions at every size, so verifying a long log in one pass and packing many proofs at once change nothing.
 */
class MerkleFrontierUnitTests {

	private static List<byte[]> leaves(int n) {
		var leaves = new ArrayList<byte[]>();
		for (var i = 0; i < n; i++) {
			leaves.add(MerkleTree.leafHash(ByteBuffer.allocate(4).putInt(i).array()));
		}
		return leaves;
	}

	@Test
	@DisplayName("ART-22: the frontier's root equals MTH of the same leaves at every size from 0 to 300")
	void frontierRootIsTheTreeHead() {
		var leaves = leaves(300);
		var frontier = new MerkleTree.Frontier();
		assertThat(frontier.root()).isEqualTo(MerkleTree.emptyRoot());
		for (var n = 1; n <= leaves.size(); n++) {
			frontier.add(leaves.get(n - 1));
			assertThat(frontier.size()).isEqualTo(n);
			assertThat(frontier.root()).as("size %d", n).isEqualTo(MerkleTree.root(leaves.subList(0, n)));
		}
	}

	@Test
	@DisplayName("ART-22: proofs made together equal proofs made one by one, and each verifies against the root")
	void batchedProofsEqualSingleProofs() {
		for (var n : new int[] { 1, 2, 3, 63, 64, 65, 200, 257 }) {
			var leaves = leaves(n);
			var indices = LongStream.range(0, n).filter(i -> i % 7 == 0 || i == n - 1).boxed().toList();
			var proofs = MerkleTree.inclusionProofs(leaves, indices);
			var root = MerkleTree.root(leaves);
			for (var i = 0; i < indices.size(); i++) {
				var index = indices.get(i);
				var single = MerkleTree.inclusionProof(leaves, index.intValue());
				assertThat(proofs.get(i)).as("leaf %d of %d", index, n).containsExactlyElementsOf(single);
				assertThat(MerkleTree.verifyInclusion(index, n, leaves.get(index.intValue()), proofs.get(i), root)).isTrue();
			}
		}
	}
}
