package org.lawtrace.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: RFC 3161 timestamps of the audit log's checkpoints, asked of a real TSA over HTTP (BouncyCastle behind
 * the JDK's HttpServer, {@link TestTsa}); the answer is checked before a token is kept, and verify-log's check of
 * stored tokens names a bad one (ART-22).
 */
class TimestampsUnitTests {

	private static final Instant T = Instant.parse("2026-12-05T08:00:00Z");
	private static final HexFormat HEX = HexFormat.of();

	@TempDir
	Path folder;

	private final SigningKey key = SigningKey.generate();
	private final AnchorVerifierUnitTests.Folder objects = new AnchorVerifierUnitTests.Folder();
	private final AuditAnchors anchors = new AuditAnchors(objects);
	private TestTsa tsa;

	@AfterEach
	void stopTsa() {
		if (tsa != null) {
			tsa.close();
		}
	}

	private Timestamps timestamps(String url, String certificate) {
		return new Timestamps(anchors, url, certificate, Duration.ofSeconds(1), false);
	}

	private byte[] signature(String text) {
		return HEX.parseHex(key.sign(text.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	@DisplayName("Issue 12: a granted token timestamps the checkpoint's signature; a token of another signature, one "
			+ "with its signature altered, and one from another TSA than the configured one are each refused")
	void grantedTokenHoldsAndBadOnesAreNamed() throws Exception {
		tsa = TestTsa.start();
		var stamps = timestamps(tsa.url().toString(), tsa.certificatePem(folder).toString());
		var signature = signature("checkpoint 1");

		var token = stamps.request(signature);

		assertThat(tsa.granted()).isEqualTo(1);
		assertThat(Timestamps.problem(token, signature, tsa.certificate())).isNull();
		assertThat(Timestamps.time(token)).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
		assertThat(Timestamps.problem(token, signature("checkpoint 2"), tsa.certificate()))
			.startsWith("timestamps something else: its imprint is not the SHA-256");
		var altered = token.clone();
		altered[altered.length - 1] ^= 1; // the last byte of the TSA's ECDSA signature
		assertThat(Timestamps.problem(altered, signature, tsa.certificate())).startsWith("does not verify");
		try (var other = TestTsa.start()) {
			assertThat(Timestamps.problem(token, signature, other.certificate()))
				.contains("not by the configured TSA");
		}
		assertThat(Timestamps.problem(new byte[] { 0x30, 0x03, 1, 2, 3 }, signature, null))
			.isEqualTo("is not a readable RFC 3161 token");
	}

	@Test
	@DisplayName("Issue 12: an answer that is not for this request (another imprint and nonce), a TSA that is down, "
			+ "another TSA than the configured one, and one that cannot be reached are refused")
	void refusesAnswersThatDoNotHold() throws Exception {
		tsa = TestTsa.start();
		var stamps = timestamps(tsa.url().toString(), "");
		stamps.request(signature("first"));
		tsa.mode(TestTsa.Mode.REPLAY);
		assertThatThrownBy(() -> stamps.request(signature("second"))).isInstanceOf(Timestamps.TimestampRefused.class)
			.hasMessageContaining("does not hold");
		tsa.mode(TestTsa.Mode.DOWN);
		assertThatThrownBy(() -> stamps.request(signature("second"))).isInstanceOf(Timestamps.TimestampRefused.class)
			.hasMessageContaining("answered HTTP 503");
		// a TSA other than the configured one (its certificate is for time-stamping, but not the one set)
		tsa.mode(TestTsa.Mode.UP);
		try (var other = TestTsa.start()) {
			assertThatThrownBy(() -> timestamps(tsa.url().toString(), other.certificatePem(folder).toString())
				.request(signature("second"))).isInstanceOf(Timestamps.TimestampRefused.class)
				.hasMessageContaining("not by the configured TSA");
		}
		int closed;
		try (var socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		assertThatThrownBy(() -> timestamps("http://127.0.0.1:" + closed + "/tsa", "").request(signature("second")))
			.isInstanceOf(Timestamps.TimestampRefused.class).hasMessageContaining("cannot be reached");
	}

	@Test
	@DisplayName("Issue 12: anchors written while the TSA is down stay untimestamped, are listed so by verify-log's "
			+ "check, get their tokens once it is back, and a tampered or swapped token is named (TIMESTAMP_INVALID)")
	void pendingAnchorsAreRetriedAndStoredTokensChecked() throws Exception {
		tsa = TestTsa.start();
		tsa.mode(TestTsa.Mode.DOWN);
		var stamps = timestamps(tsa.url().toString(), tsa.certificatePem(folder).toString());
		var log = LongStream.range(0, 30).mapToObj(i -> new AuditEntry(i, T.plusSeconds(i), "zhang.wei", "VIEW",
				"RECORDING", "r" + i, "SUCCESS", "whole file", "").sealed()).toList();
		for (var size : List.of(10L, 20L, 30L)) {
			var anchor = anchor(log, size);
			anchors.write(anchor);
			stamps.anchored(anchor);
		}
		stamps.stampPending();
		assertThat(anchors.timestamped()).isEmpty();
		var v = verify(log, stamps);
		assertThat(v.findings()).isEmpty();
		assertThat(v.timestamps().untimestamped()).containsExactly(10L, 20L, 30L);
		assertThat(v.timestamps().clause())
			.isEqualTo("; 0 of 3 anchors timestamped (RFC 3161), 3 untimestamped (TSA unreachable so far, retried): "
					+ "sizes 10, 20, 30");

		tsa.mode(TestTsa.Mode.UP);
		stamps.stampPending();
		assertThat(anchors.timestamped()).containsExactlyInAnyOrder(10L, 20L, 30L);
		v = verify(log, stamps);
		assertThat(v.findings()).isEmpty();
		assertThat(v.timestamps().timestamped()).isEqualTo(3);
		assertThat(v.timestamps().clause()).isEqualTo("; 3 of 3 anchors timestamped (RFC 3161)");

		// someone with the store's file system alters one token and puts another anchor's token in place of a third
		var name20 = AuditAnchors.timestampNameOf(20);
		var altered = objects.objects.get(name20).clone();
		altered[altered.length - 1] ^= 1;
		objects.objects.put(name20, altered);
		objects.objects.put(AuditAnchors.timestampNameOf(30), objects.objects.get(AuditAnchors.timestampNameOf(10)));
		v = verify(log, stamps);
		assertThat(v.findings()).extracting(AnchorVerification.Finding::line).satisfiesExactly(
				line -> assertThat(line).startsWith("TIMESTAMP_INVALID the RFC 3161 timestamp of the anchor at size 20 ("
						+ name20 + ") does not verify"),
				line -> assertThat(line).isEqualTo("TIMESTAMP_INVALID the RFC 3161 timestamp of the anchor at size 30 ("
						+ AuditAnchors.timestampNameOf(30) + ") timestamps something else: its imprint is not the "
						+ "SHA-256 of the checkpoint's signature"));
		assertThat(v.anchorsHold()).isFalse();
		assertThat(v.entriesHold()).isTrue();
	}

	private Anchor anchor(List<AuditEntry> log, long size) {
		var previous = anchors.latest().orElse(null);
		var from = previous == null ? 0 : previous.treeSize();
		var leaves = log.subList(0, (int) size).stream().map(e -> HEX.parseHex(e.leafHash())).toList();
		var root = HEX.formatHex(MerkleTree.root(leaves));
		return new Anchor(Anchor.FORMAT, size, root, T.toString(), key.algorithm(),
				key.sign(Checkpoint.signedBytes(size, root, T)), key.publicHex(), from,
				previous == null ? null : previous.rootHash(),
				MerkleTree.consistencyProof(leaves, (int) from).stream().map(HEX::formatHex).toList(),
				leaves.subList((int) from, (int) size).stream().map(HEX::formatHex).toList());
	}

	private AnchorVerification verify(List<AuditEntry> stored, Timestamps stamps) {
		return AnchorVerifier.verify(anchors, (from, limit) -> stored.stream().filter(e -> e.seq() >= from)
			.limit(limit).toList(), stored.size(), key.publicHex(),
				n -> stored.subList(0, (int) n).stream().map(e -> HEX.parseHex(e.leafHash())).toList(),
				stamps.configured(), stamps.trusted());
	}
}
