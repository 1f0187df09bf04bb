package org.lawtrace.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ART-22, evidence rules: the verifier finds the first entry that was changed, removed or reordered. */
class AuditLogUnitTests {

	private static final Instant T = Instant.parse("2026-11-27T08:00:00Z");
	private final SigningKey key = SigningKey.generate();

	private static List<AuditEntry> entries(int n) {
		return LongStream.range(0, n).mapToObj(i -> new AuditEntry(i, T.plusSeconds(i), "zhang.wei", "VIEW",
				"RECORDING", "r" + i, "SUCCESS", "whole file", "").sealed()).toList();
	}

	private Checkpoint checkpoint(List<AuditEntry> entries, int size) {
		var root = HexFormat.of().formatHex(MerkleTree.root(entries.subList(0, size).stream()
			.map(e -> HexFormat.of().parseHex(e.leafHash())).toList()));
		return new Checkpoint(size, root, T, SigningKey.ALGORITHM, key.sign(Checkpoint.signedBytes(size, root, T)));
	}

	private static AuditEntry withDetail(AuditEntry e, String detail) {
		return new AuditEntry(e.seq(), e.at(), e.actor(), e.action(), e.subjectType(), e.subjectId(), e.outcome(),
				detail, e.leafHash());
	}

	@Test
	void anUntouchedLogVerifiesWithItsCheckpoints() {
		var log = entries(10);
		var v = LogVerifier.verify(log, List.of(checkpoint(log, 4), checkpoint(log, 10)), key);
		assertThat(v.verified()).isTrue();
		assertThat(v.checkpointsVerified()).isTrue();
		assertThat(v.firstMismatch()).isNull();
		assertThat(v.entries()).isEqualTo(10);
		assertThat(v.root()).isEqualTo(checkpoint(log, 10).rootHash());
		assertThat(v.report()).startsWith("OK: 10 entries, root " + v.root() + ", 2 checkpoints signed and matching");
	}

	@Test
	void theEmptyLogVerifies() {
		var v = LogVerifier.verify(List.of(), List.of(), null);
		assertThat(v.verified()).isTrue();
		assertThat(v.root()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}

	@Test
	@DisplayName("ART-22: a changed row is the first mismatch")
	void findsAChangedRow() {
		var log = new ArrayList<>(entries(10));
		log.set(6, withDetail(log.get(6), "nothing to see"));
		var v = LogVerifier.verify(log, List.of(), key);
		assertThat(v.verified()).isFalse();
		assertThat(v.firstMismatch()).isEqualTo(6);
		assertThat(v.report()).isEqualTo("FAILED at entry 6: leaf hash differs (row changed, or moved from another place)");
	}

	@Test
	@DisplayName("ART-22: a removed row is the first mismatch")
	void findsARemovedRow() {
		var log = new ArrayList<>(entries(10));
		log.remove(3);
		var v = LogVerifier.verify(log, List.of(), key);
		assertThat(v.firstMismatch()).isEqualTo(3);
		assertThat(v.reason()).contains("missing");
	}

	@Test
	@DisplayName("ART-22: rows whose contents were swapped no longer match their places")
	void findsSwappedRows() {
		var log = new ArrayList<>(entries(10));
		var a = log.get(2);
		var b = log.get(5);
		log.set(2, new AuditEntry(2, b.at(), b.actor(), b.action(), b.subjectType(), b.subjectId(), b.outcome(),
				b.detail(), b.leafHash()));
		log.set(5, new AuditEntry(5, a.at(), a.actor(), a.action(), a.subjectType(), a.subjectId(), a.outcome(),
				a.detail(), a.leafHash()));
		assertThat(LogVerifier.verify(log, List.of(), key).firstMismatch()).isEqualTo(2);
	}

	@Test
	@DisplayName("ART-22: a row rewritten with its leaf hash recomputed is caught by the signed checkpoint")
	void findsARowRewrittenWithItsHash() {
		var log = new ArrayList<>(entries(10));
		var checkpoints = List.of(checkpoint(log, 4), checkpoint(log, 8));
		log.set(5, withDetail(log.get(5), "rewritten").sealed());
		var v = LogVerifier.verify(log, checkpoints, key);
		assertThat(v.verified()).isFalse();
		assertThat(v.checkpointsVerified()).isFalse();
		assertThat(v.firstMismatch()).isEqualTo(4);
		assertThat(v.reason()).contains("size 8");
	}

	@Test
	@DisplayName("ART-22: rows removed from the end are caught by a checkpoint that covers them")
	void findsRowsRemovedFromTheEnd() {
		var log = entries(10);
		var v = LogVerifier.verify(log.subList(0, 7), List.of(checkpoint(log, 5), checkpoint(log, 10)), key);
		assertThat(v.verified()).isFalse();
		assertThat(v.firstMismatch()).isEqualTo(5);
	}

	@Test
	void aCheckpointSignedByAnotherKeyFails() {
		var log = entries(5);
		var forged = checkpoint(log, 5);
		var v = LogVerifier.verify(log, List.of(forged), SigningKey.generate());
		assertThat(v.verified()).isTrue();
		assertThat(v.checkpointsVerified()).isFalse();
		assertThat(v.report()).startsWith("FAILED: the signature of the checkpoint at size 5");
	}

	@Test
	void aKeyKeptAsHexSignsAndVerifiesLikeTheOriginal() {
		var kept = SigningKey.of(key.publicHex(), key.privateHex());
		var message = Checkpoint.signedBytes(3, "ab", T);
		assertThat(key.verifies(message, kept.sign(message))).isTrue();
		assertThat(SigningKey.of(key.publicHex(), null).verifies(message, key.sign(message))).isTrue();
		assertThat(key.verifies(Checkpoint.signedBytes(4, "ab", T), key.sign(message))).isFalse();
		assertThat(key.publicPem()).startsWith("-----BEGIN PUBLIC KEY-----\n");
	}
}
