package org.lawtrace.audit;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongFunction;

import org.jspecify.annotations.Nullable;
import org.lawtrace.audit.AnchorVerification.Finding;

/**
 * Checks the database's log against the anchors kept outside it (ART-22): each anchor's signature and key, each
 * anchor against the one before (RFC 9162 consistency proof), every anchored entry's row against its anchored leaf
 * hash, the database's tree at each anchor's size against the signed root, and the database's tree now against the
 * last anchor (consistency proof). A deleted tail, a deleted row, a row rewritten with its hash recomputed, a
 * missing or forged anchor are each named with the entries they concern.
 * <p>
 * Anchors are read one at a time and entries page by page in step with them, so memory stays flat however long the
 * log; only the final consistency proof reads the database's leaf hashes whole, as signing does.
 */
final class AnchorVerifier {

	/** Entries from a sequence number on, in order, at most {@code limit}. */
	interface Pages {
		List<AuditEntry> from(long seq, int limit);
	}

	private static final HexFormat HEX = HexFormat.of();
	private static final int PAGE = 20_000;
	private static final int MAX_FINDINGS = 200;
	/** Stands in for a row that is not there, so later roots can still be computed and compared. */
	private static final byte[] ABSENT = MerkleTree.leafHash("absent".getBytes(java.nio.charset.StandardCharsets.UTF_8));

	private final AuditAnchors anchors;
	private final Pages pages;
	private final @Nullable String trustedKey;
	private final LongFunction<List<byte[]>> leaves;
	private final boolean tsaConfigured;
	private final @Nullable X509Certificate tsa;
	private int timestamped;
	private final List<Long> untimestamped = new ArrayList<>();
	private final List<Finding> findings = new ArrayList<>();
	private long more;
	private final MerkleTree.Frontier db = new MerkleTree.Frontier();
	private List<AuditEntry> page = List.of();
	private int inPage;
	private long nextToRead;
	private boolean exhausted;

	private AnchorVerifier(AuditAnchors anchors, Pages pages, @Nullable String trustedKey,
			LongFunction<List<byte[]>> leaves, boolean tsaConfigured, @Nullable X509Certificate tsa) {
		this.anchors = anchors;
		this.pages = pages;
		this.trustedKey = trustedKey;
		this.leaves = leaves;
		this.tsaConfigured = tsaConfigured;
		this.tsa = tsa;
	}

	/**
	 * @param trustedKey the public key (hex) the log's anchors must be signed with, or null to take the first
	 *        anchor's.
	 * @param leaves the stored leaf hashes of the first so many entries.
	 */
	static AnchorVerification verify(AuditAnchors anchors, Pages pages, long stored, @Nullable String trustedKey,
			LongFunction<List<byte[]>> leaves) {
		return verify(anchors, pages, stored, trustedKey, leaves, false, null);
	}

	/**
	 * Also checks the anchors' RFC 3161 timestamp tokens, and lists the anchors without one.
	 *
	 * @param tsaConfigured whether a TSA is configured, so every anchor is expected to get a timestamp.
	 * @param tsa the TSA certificate tokens must be signed with, or null to accept any time-stamping certificate.
	 */
	static AnchorVerification verify(AuditAnchors anchors, Pages pages, long stored, @Nullable String trustedKey,
			LongFunction<List<byte[]>> leaves, boolean tsaConfigured, @Nullable X509Certificate tsa) {
		return new AnchorVerifier(anchors, pages, trustedKey, leaves, tsaConfigured, tsa).run(stored);
	}

	private AnchorVerification run(long stored) {
		var names = anchors.names();
		var stamped = anchors.timestamped();
		var key = trustedKey;
		long previousSize = 0;
		byte[] previousRoot = MerkleTree.emptyRoot();
		var chained = true;
		var count = 0;
		@Nullable Anchor last = null;
		for (var name : names) {
			Anchor anchor;
			try {
				anchor = anchors.read(name);
			}
			catch (RuntimeException unreadable) {
				add(new Finding("ANCHOR_UNREADABLE", null, null, unreadable.getMessage()));
				chained = false;
				continue;
			}
			count++;
			var size = anchor.treeSize();
			if (!Anchor.nameOf(size).equals(name) || anchor.previousTreeSize() > size
					|| anchor.leafHashes().size() != size - anchor.previousTreeSize()) {
				add(new Finding("ANCHOR_INCONSISTENT", null, null, "anchor " + name + " does not hold the "
						+ (size - anchor.previousTreeSize()) + " leaf hashes its sizes announce"));
				chained = false;
				continue;
			}
			if (!anchor.signatureHolds()) {
				add(new Finding("ANCHOR_SIGNATURE", null, null, "the signature of the anchor at size " + size
						+ " (signed at " + anchor.signedAt() + ") does not verify with the key it names"));
			}
			checkTimestamp(anchor, stamped.contains(size));
			var certificateProblem = certificateProblem(anchor);
			if (certificateProblem != null) {
				add(new Finding("ANCHOR_CERTIFICATE", null, null, "the certificate recorded with the anchor at size "
						+ size + " " + certificateProblem));
			}
			if (key == null) {
				key = anchor.publicKey();
			}
			else if (!key.equalsIgnoreCase(anchor.publicKey())) {
				add(new Finding("ANCHOR_KEY", null, null, "the anchor at size " + size + " is signed with another key "
						+ "than the log's (" + abbreviate(anchor.publicKey()) + " instead of " + abbreviate(key) + ")"));
			}
			if (anchor.previousTreeSize() != previousSize) {
				add(new Finding("ANCHOR_MISSING", null, null, anchor.previousTreeSize() > previousSize
						? "no anchor covers entries " + previousSize + "-" + (anchor.previousTreeSize() - 1)
								+ ": the anchor at size " + anchor.previousTreeSize() + " is missing from the store"
						: "the anchor at size " + size + " follows one at size " + anchor.previousTreeSize()
								+ ", which is not the anchor before it (" + previousSize + ")"));
				chained = false;
			}
			if (chained && !MerkleTree.verifyConsistency(previousSize, size, previousRoot, parse(anchor.rootHash()),
					anchor.consistencyProof().stream().map(AnchorVerifier::parse).toList())) {
				add(new Finding("ANCHOR_INCONSISTENT", null, null, "the anchor at size " + size + " is not consistent "
						+ "with the anchor at size " + previousSize + " (RFC 9162 consistency proof fails)"));
			}
			var before = entryFindings();
			advance(size, anchor);
			if (db.size() == size && entryFindings() == before && !HEX.formatHex(db.root()).equals(anchor.rootHash())) {
				add(new Finding("ROOT_DIFFERS", anchor.previousTreeSize(), size - 1, "the database's tree of the "
						+ "first " + size + " entries has another root than the anchor signed at " + anchor.signedAt()));
			}
			previousSize = Math.max(previousSize, size);
			previousRoot = parse(anchor.rootHash());
			chained = true;
			last = anchor;
		}
		advance(Long.MAX_VALUE, null);
		var anchored = last == null ? 0 : last.treeSize();
		if (last != null && entryFindings() == 0 && stored > anchored) {
			var all = leaves.apply(stored);
			if (!MerkleTree.verifyConsistency(anchored, all.size(), parse(last.rootHash()), MerkleTree.root(all),
					MerkleTree.consistencyProof(all, (int) anchored))) {
				add(new Finding("ROOT_DIFFERS", 0L, anchored - 1, "the database's tree of " + all.size() + " entries "
						+ "is not consistent with the last anchor (size " + anchored + ", RFC 9162 consistency proof)"));
			}
		}
		return new AnchorVerification(true, count, anchored, Math.max(0, stored - anchored), List.copyOf(findings), more,
				new AnchorVerification.Timestamping(tsaConfigured || !stamped.isEmpty(), timestamped,
						List.copyOf(untimestamped)));
	}

	/** The anchor's RFC 3161 token: its imprint is the SHA-256 of the anchor's signature, and its signature holds. */
	private void checkTimestamp(Anchor anchor, boolean stamped) {
		var size = anchor.treeSize();
		if (!stamped) {
			untimestamped.add(size);
			return;
		}
		var token = anchors.timestamp(size).orElse(null);
		var problem = token == null ? "is gone" : Timestamps.problem(token, parse(anchor.signature()), tsa);
		if (problem != null) {
			add(new Finding("TIMESTAMP_INVALID", null, null, "the RFC 3161 timestamp of the anchor at size " + size
					+ " (" + AuditAnchors.timestampNameOf(size) + ") " + problem));
		}
		else {
			timestamped++;
		}
	}

	/**
	 * Reads entries into the database's tree until it has {@code until} leaves (or the rows end), comparing each with
	 * its anchored leaf hash where {@code anchor} holds it.
	 */
	private void advance(long until, @Nullable Anchor anchor) {
		while (db.size() < until) {
			var i = db.size();
			var anchoredLeaf = anchor != null && i >= anchor.previousTreeSize()
					? anchor.leafHashes().get((int) (i - anchor.previousTreeSize())) : null;
			var e = peek();
			if (e == null || e.seq() > i) {
				if (anchor == null && e == null) {
					return;
				}
				var end = e == null ? until : Math.min(e.seq(), until);
				add(new Finding("ENTRY_MISSING", i, end - 1, anchor != null
						? "missing from the database although the anchor at size " + anchor.treeSize() + " (signed at "
								+ anchor.signedAt() + ") covers " + (end - i == 1 ? "it" : "them")
								+ (e == null ? ": the end of the log was deleted" : ": rows deleted")
						: "missing from the database (rows deleted after the last anchor)"));
				for (var s = i; s < end; s++) {
					db.add(anchor != null && s >= anchor.previousTreeSize()
							? parse(anchor.leafHashes().get((int) (s - anchor.previousTreeSize()))) : ABSENT);
				}
				continue;
			}
			next();
			if (e.seq() < i) {
				continue; // not possible with seq as primary key, read in order; never counted twice
			}
			var stored = e.leafHash();
			var computed = e.computedLeafHash();
			if (anchoredLeaf != null && !anchoredLeaf.equalsIgnoreCase(stored)) {
				add(new Finding("ENTRY_REWRITTEN", i, i, (computed.equals(stored)
						? "rewritten with its leaf hash recomputed: "
						: "changed, with its stored leaf hash replaced: ") + "its leaf hash " + abbreviate(stored)
						+ " differs from the one anchored at size " + anchor.treeSize() + " (" + abbreviate(anchoredLeaf)
						+ ", signed at " + anchor.signedAt() + "); the row now reads actor=" + e.actor() + ", action="
						+ e.action() + ", subject=" + e.subjectType() + ":" + e.subjectId()));
			}
			else if (!computed.equals(stored)) {
				add(new Finding("ENTRY_CHANGED", i, i, "changed: the row no longer matches its own leaf hash"));
			}
			// a named difference is not counted again in every root above it: the tree goes on with the anchored leaf
			db.add(parse(anchoredLeaf != null ? anchoredLeaf : stored));
		}
	}

	private @Nullable AuditEntry peek() {
		if (inPage >= page.size()) {
			if (exhausted) {
				return null;
			}
			page = pages.from(nextToRead, PAGE);
			inPage = 0;
			if (page.size() < PAGE) {
				exhausted = true;
			}
			if (page.isEmpty()) {
				return null;
			}
			nextToRead = page.get(page.size() - 1).seq() + 1;
		}
		return page.get(inPage);
	}

	private void next() {
		inPage++;
	}

	private long entryFindings() {
		return findings.stream().filter(Finding::aboutEntries).count() + more;
	}

	private void add(Finding finding) {
		var last = findings.isEmpty() ? null : findings.get(findings.size() - 1);
		if (last != null && "ENTRY_MISSING".equals(finding.kind()) && "ENTRY_MISSING".equals(last.kind())
				&& last.toSeq() != null && finding.fromSeq() != null && last.toSeq() + 1 == finding.fromSeq()) {
			// one run of missing rows across several anchors is one finding; the later anchor's tree covers it all
			findings.set(findings.size() - 1, new Finding("ENTRY_MISSING", last.fromSeq(), finding.toSeq(),
					finding.detail().replace("covers it:", "covers them:")));
			return;
		}
		if (findings.size() < MAX_FINDINGS) {
			findings.add(finding);
		}
		else {
			more++;
		}
	}

	/**
	 * What is wrong with the certificate an anchor signed in a PKCS#11 token records, or null when it holds the
	 * anchor's public key and was valid when the anchor was signed (or when there is none).
	 */
	static @Nullable String certificateProblem(Anchor anchor) {
		if (anchor.certificate() == null) {
			return null;
		}
		X509Certificate certificate;
		try {
			certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(anchor.certificate())));
		}
		catch (CertificateException | IllegalArgumentException unreadable) {
			return "is not a readable X.509 certificate";
		}
		String certified;
		try {
			certified = P256Key.of(certificate.getPublicKey()).publicHex();
		}
		catch (IllegalArgumentException notP256) {
			return "does not hold an EC P-256 key";
		}
		if (!certified.equalsIgnoreCase(anchor.publicKey())) {
			return "(" + certificate.getSubjectX500Principal().getName() + ") holds another key ("
					+ abbreviate(certified) + ") than the anchor names (" + abbreviate(anchor.publicKey()) + ")";
		}
		try {
			certificate.checkValidity(Date.from(Instant.parse(anchor.signedAt())));
		}
		catch (CertificateException | RuntimeException notThen) {
			return "(" + certificate.getSubjectX500Principal().getName() + ") was not valid when the anchor was "
					+ "signed at " + anchor.signedAt() + " (valid " + certificate.getNotBefore().toInstant() + " to "
					+ certificate.getNotAfter().toInstant() + ")";
		}
		return null;
	}

	private static byte[] parse(String hex) {
		try {
			return HEX.parseHex(hex);
		}
		catch (IllegalArgumentException notHex) {
			return new byte[0];
		}
	}

	private static String abbreviate(String hex) {
		return hex.length() <= 16 ? hex : hex.substring(0, 16) + "...";
	}
}
