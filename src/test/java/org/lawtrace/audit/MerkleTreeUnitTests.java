package org.lawtrace.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ART-22, evidence rules: the log's tree is RFC 9162's, checked against the known answers of the Certificate
 * Transparency test data (leaves "", 00, 10, 2021, 3031, 40414243, 50..57, 60..6f), which were also recomputed
 * independently with Python's hashlib.
 */
class MerkleTreeUnitTests {

	private static final HexFormat HEX = HexFormat.of();
	private static final List<byte[]> INPUTS = List.of(new byte[0], HEX.parseHex("00"), HEX.parseHex("10"),
			HEX.parseHex("2021"), HEX.parseHex("3031"), HEX.parseHex("40414243"), HEX.parseHex("5051525354555657"),
			HEX.parseHex("606162636465666768696a6b6c6d6e6f"));
	private static final List<String> ROOTS = List.of(
			"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
			"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
			"aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
			"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
			"4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
			"76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
			"ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
			"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

	private static List<byte[]> leaves(int n) {
		return INPUTS.subList(0, n).stream().map(MerkleTree::leafHash).toList();
	}

	@Test
	@DisplayName("RFC 9162 §2.1.1: the empty tree's hash is SHA-256 of the empty string")
	void emptyTreeHashesTheEmptyString() {
		assertThat(HEX.formatHex(MerkleTree.root(List.of())))
			.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}

	@Test
	@DisplayName("RFC 9162 §2.1.1: a leaf is SHA-256(0x00 || d)")
	void leafHashIsPrefixedWithZero() {
		assertThat(HEX.formatHex(MerkleTree.leafHash(new byte[0])))
			.isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
	}

	@Test
	@DisplayName("RFC 9162 §2.1.1: tree heads of 1 to 8 leaves, including sizes that are not powers of two")
	void treeHeadsMatchKnownAnswers() {
		for (var n = 1; n <= 8; n++) {
			assertThat(HEX.formatHex(MerkleTree.root(leaves(n)))).as("size %d", n).isEqualTo(ROOTS.get(n - 1));
		}
	}

	@Test
	@DisplayName("RFC 9162 §2.1.3.1: known inclusion paths")
	void inclusionPathsMatchKnownAnswers() {
		assertThat(MerkleTree.inclusionProof(leaves(8), 0).stream().map(HEX::formatHex)).containsExactly(
				"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
				"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
				"6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
		assertThat(MerkleTree.inclusionProof(leaves(7), 5).stream().map(HEX::formatHex)).containsExactly(
				"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
				"b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
				"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
		assertThat(MerkleTree.inclusionProof(leaves(1), 0)).isEmpty();
	}

	@Test
	@DisplayName("RFC 9162 §2.1.3.2: every leaf of every tree up to 70 leaves verifies against its root")
	void everyProofVerifies() {
		var leaves = new ArrayList<byte[]>();
		for (var n = 1; n <= 70; n++) {
			leaves.add(MerkleTree.leafHash(new byte[] { (byte) n }));
			var root = MerkleTree.root(leaves);
			for (var m = 0; m < n; m++) {
				var proof = MerkleTree.inclusionProof(leaves, m);
				assertThat(MerkleTree.verifyInclusion(m, n, leaves.get(m), proof, root)).as("leaf %d of %d", m, n)
					.isTrue();
			}
		}
	}

	@Test
	@DisplayName("RFC 9162 §2.1.3.2: a proof fails for another leaf, another place, another size or a shortened path")
	void wrongProofsFail() {
		var leaves = IntStream.range(0, 11).mapToObj(i -> MerkleTree.leafHash(new byte[] { (byte) i })).toList();
		var root = MerkleTree.root(leaves);
		var proof = MerkleTree.inclusionProof(leaves, 6);
		assertThat(MerkleTree.verifyInclusion(6, 11, leaves.get(6), proof, root)).isTrue();
		assertThat(MerkleTree.verifyInclusion(6, 11, leaves.get(7), proof, root)).isFalse();
		assertThat(MerkleTree.verifyInclusion(7, 11, leaves.get(6), proof, root)).isFalse();
		assertThat(MerkleTree.verifyInclusion(6, 8, leaves.get(6), proof, root)).isFalse();
		assertThat(MerkleTree.verifyInclusion(6, 11, leaves.get(6), proof.subList(0, proof.size() - 1), root))
			.isFalse();
		assertThat(MerkleTree.verifyInclusion(11, 11, leaves.get(6), proof, root)).isFalse();
		assertThatThrownBy(() -> MerkleTree.inclusionProof(leaves, 11)).isInstanceOf(IllegalArgumentException.class);
	}
}
