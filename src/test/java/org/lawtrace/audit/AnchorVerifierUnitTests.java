package org.lawtrace.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.LongStream;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.storage.NamedObjects;

/**
 * ART-22, issue 12 finding 4: the database's log checked against anchors kept outside it; each kind of tampering is
 * named with the entries it concerns.
 */
class AnchorVerifierUnitTests {

	private static final Instant T = Instant.parse("2026-12-05T08:00:00Z");
	private static final HexFormat HEX = HexFormat.of();
	private final SigningKey key = SigningKey.generate();
	private final Folder folder = new Folder();
	private final AuditAnchors anchors = new AuditAnchors(folder);

	/** Named objects in memory, write-once like the real ones, but removable by the test as an intruder would. */
	static final class Folder implements NamedObjects {

		final TreeMap<String, byte[]> objects = new TreeMap<>();

		@Override
		public void write(String name, byte[] content) {
			if (objects.putIfAbsent(name, content) != null) {
				throw new NameTaken(name);
			}
		}

		@Override
		public List<String> list() {
			return List.copyOf(objects.keySet());
		}

		@Override
		public Optional<byte[]> read(String name) {
			return Optional.ofNullable(objects.get(name));
		}
	}

	private static List<AuditEntry> entries(int n) {
		return LongStream.range(0, n).mapToObj(i -> new AuditEntry(i, T.plusSeconds(i), "zhang.wei", "VIEW",
				"RECORDING", "r" + i, "SUCCESS", "whole file", "").sealed()).toList();
	}

	private static List<byte[]> leaves(List<AuditEntry> log, long n) {
		return log.subList(0, (int) n).stream().map(e -> HEX.parseHex(e.leafHash())).toList();
	}

	/** Anchors the log at these sizes, as AuditLog does. */
	private void anchor(List<AuditEntry> log, CheckpointSigner signer, long... sizes) {
		long previous = 0;
		String previousRoot = null;
		for (var size : sizes) {
			var all = leaves(log, size);
			var root = HEX.formatHex(MerkleTree.root(all));
			var signature = signer.sign(Checkpoint.signedBytes(size, root, T));
			anchors.write(new Anchor(Anchor.FORMAT, size, root, T.toString(), signer.key().algorithm(), signature,
					signer.key().publicHex(), previous, previousRoot,
					MerkleTree.consistencyProof(all, (int) previous).stream().map(HEX::formatHex).toList(),
					all.subList((int) previous, (int) size).stream().map(HEX::formatHex).toList(),
					signer.certificate()));
			previous = size;
			previousRoot = root;
		}
	}

	private AnchorVerification verify(List<AuditEntry> stored) {
		return verify(stored, key.publicHex());
	}

	private AnchorVerification verify(List<AuditEntry> stored, String trustedKey) {
		return AnchorVerifier.verify(anchors, (from, limit) -> stored.stream().filter(e -> e.seq() >= from)
			.limit(limit).toList(), stored.size(), trustedKey,
				n -> stored.subList(0, (int) n).stream().map(e -> HEX.parseHex(e.leafHash())).toList());
	}

	@Test
	@DisplayName("ART-22: an untouched log verifies against its anchors and says how many entries lie beyond the last")
	void untouchedLogVerifies() {
		var log = entries(250);
		anchor(log, key, 100, 200, 230);

		var v = verify(log);

		assertThat(v.findings()).isEmpty();
		assertThat(v.anchors()).isEqualTo(3);
		assertThat(v.anchoredEntries()).isEqualTo(230);
		assertThat(v.beyondLastAnchor()).isEqualTo(20);
	}

	@Test
	@DisplayName("ART-22, finding 4a: the deleted last 15 entries are named as one range, with the anchor that covers them")
	void namesADeletedTail() {
		var log = entries(100);
		anchor(log, key, 50, 100);

		var v = verify(log.subList(0, 85));

		assertThat(v.findings()).extracting(AnchorVerification.Finding::line)
			.containsExactly("ENTRY_MISSING entries 85-99 (15): missing from the database although the anchor at size "
					+ "100 (signed at " + T + ") covers them: the end of the log was deleted");
	}

	@Test
	@DisplayName("ART-22, finding 4b: an entry rewritten with its leaf hash recomputed is named by its sequence number")
	void namesARewrittenEntry() {
		var log = new ArrayList<>(entries(100));
		anchor(log, key, 50, 100);
		var e = log.get(42);
		log.set(42, new AuditEntry(42, e.at(), "someone.else", e.action(), e.subjectType(), e.subjectId(), e.outcome(),
				e.detail(), "").sealed());

		var v = verify(log);

		assertThat(v.findings()).singleElement().satisfies(f -> {
			assertThat(f.kind()).isEqualTo("ENTRY_REWRITTEN");
			assertThat(f.fromSeq()).isEqualTo(42);
			assertThat(f.detail()).startsWith("rewritten with its leaf hash recomputed").contains("actor=someone.else");
		});
		assertThat(v.entriesHold()).isFalse();
	}

	@Test
	@DisplayName("ART-22: a row deleted from the middle and a row changed without its hash are each named")
	void namesADeletedAndAChangedRow() {
		var log = new ArrayList<>(entries(100));
		anchor(log, key, 100);
		var e = log.get(70);
		log.set(70, new AuditEntry(70, e.at(), e.actor(), e.action(), e.subjectType(), e.subjectId(), e.outcome(),
				"nothing to see", e.leafHash()));
		log.remove(30);

		var v = verify(log);

		assertThat(v.findings()).extracting(AnchorVerification.Finding::kind, AnchorVerification.Finding::fromSeq)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("ENTRY_MISSING", 30L),
					org.assertj.core.groups.Tuple.tuple("ENTRY_CHANGED", 70L));
	}

	@Test
	@DisplayName("ART-22: a missing anchor, an anchor signed with another key and a forged signature are reported")
	void reportsBadAnchors() {
		var log = entries(300);
		anchor(log, key, 100, 200);
		folder.objects.remove(Anchor.nameOf(100));
		var other = SigningKey.generate();
		var all = leaves(log, 300);
		var root = HEX.formatHex(MerkleTree.root(all));
		anchors.write(new Anchor(Anchor.FORMAT, 300, root, T.toString(), SigningKey.ALGORITHM,
				other.sign(Checkpoint.signedBytes(300, root, T)), other.publicHex(), 200, null,
				MerkleTree.consistencyProof(all, 200).stream().map(HEX::formatHex).toList(),
				all.subList(200, 300).stream().map(HEX::formatHex).toList()));

		var v = verify(log);

		assertThat(v.findings()).extracting(AnchorVerification.Finding::kind).contains("ANCHOR_MISSING", "ANCHOR_KEY");
		assertThat(v.entriesHold()).isTrue();
		assertThat(v.anchorsHold()).isFalse();

		var forged = anchors.read(Anchor.nameOf(200));
		folder.objects.remove(Anchor.nameOf(200));
		anchors.write(new Anchor(forged.format(), forged.treeSize(), forged.rootHash(), T.plusSeconds(1).toString(),
				forged.algorithm(), forged.signature(), forged.publicKey(), forged.previousTreeSize(),
				forged.previousRootHash(), forged.consistencyProof(), forged.leafHashes()));
		assertThat(verify(log).findings()).extracting(AnchorVerification.Finding::kind).contains("ANCHOR_SIGNATURE");
	}

	/**
	 * An EC P-256 key in software with a certificate, standing in for a PKCS#11 token's key here; the real token
	 * (SoftHSM2) is used in AuditTokenIntegrationTests.
	 */
	static final class SoftP256 implements CheckpointSigner {

		final KeyPair pair;
		final String certificate;

		SoftP256(Instant notBefore, Instant notAfter) throws Exception {
			var generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			pair = generator.generateKeyPair();
			var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=Test CA"), BigInteger.ONE,
					Date.from(notBefore), Date.from(notAfter), new X500Name("CN=LawTrace audit log"), pair.getPublic());
			certificate = Base64.getEncoder().encodeToString(builder
				.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())).getEncoded());
		}

		@Override
		public CheckpointKey key() {
			return P256Key.of(pair.getPublic());
		}

		@Override
		public String sign(byte[] message) {
			try {
				var signer = Signature.getInstance("SHA256withECDSA");
				signer.initSign(pair.getPrivate());
				signer.update(message);
				return HEX.formatHex(signer.sign());
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}

		@Override
		public String certificate() {
			return certificate;
		}
	}

	@Test
	@DisplayName("ART-22, issue 12: anchors signed ECDSA P-256 (a PKCS#11 token's key) verify by the algorithm each "
			+ "records, with the certificate it records; a forged signature, a false algorithm, a certificate of "
			+ "another key and one not valid when signing are reported")
	void verifiesP256AnchorsByTheirRecordedAlgorithm() throws Exception {
		var token = new SoftP256(T.minusSeconds(3600), T.plusSeconds(3600));
		var log = entries(250);
		anchor(log, token, 100, 200);

		var v = verify(log, token.key().publicHex());
		assertThat(v.findings()).isEmpty();
		assertThat(v.anchoredEntries()).isEqualTo(200);
		assertThat(anchors.read(Anchor.nameOf(100)).algorithm()).isEqualTo("ECDSA-P256-SHA256");
		assertThat(anchors.read(Anchor.nameOf(100)).certificate()).isEqualTo(token.certificate());
		// the SM2 log's key is not this log's key
		assertThat(verify(log).findings()).extracting(AnchorVerification.Finding::kind).containsOnly("ANCHOR_KEY");

		var genuine = anchors.read(Anchor.nameOf(200));
		// the P-256 signature claimed to be SM2, then a P-256 signature of another root
		replace(genuine, SigningKey.ALGORITHM, genuine.signature(), genuine.certificate());
		assertThat(verify(log, token.key().publicHex()).findings()).extracting(AnchorVerification.Finding::kind)
			.containsExactly("ANCHOR_SIGNATURE");
		replace(genuine, genuine.algorithm(), token.sign(Checkpoint.signedBytes(200, "00".repeat(32), T)),
				genuine.certificate());
		assertThat(verify(log, token.key().publicHex()).findings()).extracting(AnchorVerification.Finding::kind)
			.containsExactly("ANCHOR_SIGNATURE");

		// the certificate recorded with the anchor holds another key, or had expired when the anchor was signed
		replace(genuine, genuine.algorithm(), genuine.signature(),
				new SoftP256(T.minusSeconds(3600), T.plusSeconds(3600)).certificate());
		assertThat(verify(log, token.key().publicHex()).findings()).singleElement()
			.satisfies(f -> assertThat(f.line()).startsWith("ANCHOR_CERTIFICATE ").contains("holds another key"));
		var expired = new SoftP256(T.minusSeconds(7200), T.minusSeconds(3600));
		folder.objects.clear();
		anchor(log, expired, 100);
		assertThat(verify(log, expired.key().publicHex()).findings()).singleElement()
			.satisfies(f -> assertThat(f.line()).startsWith("ANCHOR_CERTIFICATE ").contains("was not valid"));
	}

	private void replace(Anchor a, String algorithm, String signature, String certificate) {
		folder.objects.remove(Anchor.nameOf(a.treeSize()));
		anchors.write(new Anchor(a.format(), a.treeSize(), a.rootHash(), a.signedAt(), algorithm, signature,
				a.publicKey(), a.previousTreeSize(), a.previousRootHash(), a.consistencyProof(), a.leafHashes(),
				certificate));
	}
}
