package org.lawtrace.access;

import org.lawtrace.shared.BagWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.jspecify.annotations.Nullable;
import org.lawtrace.audit.AuditEntry;
import org.lawtrace.audit.Checkpoint;
import org.lawtrace.audit.MerkleTree;

import tools.jackson.core.JacksonException;

/**
 * Checks an evidence package offline (ART-19, ART-22), from the zip alone: the BagIt structure, every payload file
 * against both manifests, the tag manifests, each custody entry's leaf hash and inclusion proof against the
 * checkpoint's root, the checkpoint's SM2 signature with the enclosed key, and each item's digest against the one
 * the audit log recorded at upload. Every check is reported, passed or not, so the reader sees exactly what fails.
 */
final class PackageVerification {

	private static final HexFormat HEX = HexFormat.of();
	private static final int CHUNK = 256 * 1024;

	/** One check: what was checked and, when it failed, how. */
	record Check(boolean passed, String subject, String detail) {

		String line() {
			return (passed ? "OK    " : "FAIL  ") + subject + (detail.isEmpty() ? "" : ": " + detail);
		}
	}

	/** The zip is not a bag at all (or not a zip): nothing to check. */
	static final class Unusable extends Exception {

		Unusable(String message) {
			super(message);
		}
	}

	private final ZipFile zip;
	private final List<Check> checks = new ArrayList<>();
	/** Files by their path inside the bag, in name order. */
	private final Map<String, ZipEntry> files = new TreeMap<>();

	private PackageVerification(ZipFile zip) {
		this.zip = zip;
	}

	static List<Check> run(ZipFile zip) throws Unusable, IOException {
		var verification = new PackageVerification(zip);
		verification.all();
		return verification.checks;
	}

	private void all() throws Unusable, IOException {
		var root = bagRoot();
		for (var e : zip.stream().filter(e -> !e.isDirectory()).toList()) {
			if (!e.getName().startsWith(root)) {
				fail("structure", "file outside the bag's directory: " + e.getName());
				continue;
			}
			files.put(e.getName().substring(root.length()), e);
		}
		structure();
		var sha256 = manifest("manifest-sha256.txt");
		var sm3 = manifest("manifest-sm3.txt");
		var payload = payload(sha256, sm3);
		oxum(payload);
		tagManifest("tagmanifest-sha256.txt", true);
		tagManifest("tagmanifest-sm3.txt", false);
		var checkpoint = custody();
		items(payload, checkpoint);
	}

	/** The one top directory holding {@code bagit.txt}, as BagIt serializations have it (or none). */
	private String bagRoot() throws Unusable {
		var declaration = zip.stream().map(ZipEntry::getName).filter(n -> n.equals("bagit.txt") || n.endsWith("/bagit.txt"))
			.min((a, b) -> Integer.compare(a.length(), b.length()))
			.orElseThrow(() -> new Unusable("no bagit.txt: this is not a BagIt bag"));
		return declaration.substring(0, declaration.length() - "bagit.txt".length());
	}

	private void structure() throws IOException {
		var declaration = text("bagit.txt");
		if (declaration != null && declaration.contains("BagIt-Version: 1.0")
				&& declaration.contains("Tag-File-Character-Encoding: UTF-8")) {
			pass("bagit.txt", "BagIt 1.0, UTF-8");
		}
		else {
			fail("bagit.txt", "expected \"BagIt-Version: 1.0\" and \"Tag-File-Character-Encoding: UTF-8\"");
		}
		for (var required : List.of("bag-info.txt", "manifest-sha256.txt", "manifest-sm3.txt", "tagmanifest-sha256.txt",
				"tagmanifest-sm3.txt", PackageFormat.ITEMS, PackageFormat.CUSTODY, PackageFormat.CHECKPOINT,
				PackageFormat.KEY)) {
			if (!files.containsKey(required)) {
				fail(required, "missing from the package");
			}
		}
	}

	/** A manifest as path to digest; empty (and failed in {@link #structure}) when missing. */
	private Map<String, String> manifest(String name) throws IOException {
		var found = new LinkedHashMap<String, String>();
		var text = text(name);
		if (text == null) {
			return found;
		}
		for (var line : text.split("\n")) {
			if (line.isBlank()) {
				continue;
			}
			var parts = line.strip().split("\\s+", 2);
			if (parts.length < 2) {
				fail(name, "line is not \"digest path\": " + line);
				continue;
			}
			found.put(decode(parts[1]), parts[0].toLowerCase());
		}
		return found;
	}

	private static String decode(String path) {
		return path.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%");
	}

	/** Reads every payload file once, with both digests, and compares each with both manifests. */
	private Map<String, BagWriter.Digests> payload(Map<String, String> sha256, Map<String, String> sm3)
			throws IOException {
		var computed = new LinkedHashMap<String, BagWriter.Digests>();
		for (var entry : files.entrySet()) {
			if (!entry.getKey().startsWith("data/")) {
				continue;
			}
			var path = entry.getKey();
			var d = digest(entry.getValue());
			computed.put(path, d);
			var ok = compare("manifest-sha256.txt", path, "SHA-256", sha256.get(path), d.sha256());
			ok &= compare("manifest-sm3.txt", path, "SM3", sm3.get(path), d.sm3());
			if (ok) {
				pass(path, "SHA-256 and SM3 match (" + d.size() + " bytes)");
			}
		}
		for (var manifest : Map.of("manifest-sha256.txt", sha256, "manifest-sm3.txt", sm3).entrySet()) {
			manifest.getValue().keySet().stream().filter(p -> !computed.containsKey(p))
				.forEach(p -> fail(p, "listed in " + manifest.getKey() + " but missing from the package"));
		}
		return computed;
	}

	private boolean compare(String manifest, String path, String algorithm, @Nullable String expected, String actual) {
		if (expected == null) {
			fail(path, "not listed in " + manifest);
			return false;
		}
		if (!expected.equals(actual)) {
			fail(path, algorithm + " expected " + expected + " (" + manifest + "), actual " + actual);
			return false;
		}
		return true;
	}

	private void oxum(Map<String, BagWriter.Digests> payload) throws IOException {
		var info = text("bag-info.txt");
		if (info == null) {
			return;
		}
		var bytes = payload.values().stream().mapToLong(BagWriter.Digests::size).sum();
		var actual = bytes + "." + payload.size();
		var stated = info.lines().filter(l -> l.startsWith("Payload-Oxum:")).map(l -> l.substring(13).strip())
			.findFirst().orElse(null);
		if (stated == null) {
			fail("bag-info.txt", "no Payload-Oxum");
		}
		else if (stated.equals(actual)) {
			pass("Payload-Oxum", actual);
		}
		else {
			fail("Payload-Oxum", "expected " + stated + " (bag-info.txt), actual " + actual);
		}
	}

	private void tagManifest(String name, boolean sha256) throws IOException {
		if (!files.containsKey(name)) {
			return;
		}
		var algorithm = sha256 ? "SHA-256" : "SM3";
		var listed = manifest(name);
		var failedBefore = failures();
		for (var entry : listed.entrySet()) {
			var file = files.get(entry.getKey());
			if (file == null) {
				fail(entry.getKey(), "listed in " + name + " but missing from the package");
				continue;
			}
			var d = digest(file);
			compare(name, entry.getKey(), algorithm, entry.getValue(), sha256 ? d.sha256() : d.sm3());
		}
		files.keySet().stream()
			.filter(p -> !p.startsWith("data/") && !p.startsWith("tagmanifest-") && !listed.containsKey(p))
			.forEach(p -> fail(p, "not listed in " + name));
		if (failures() == failedBefore) {
			pass(name, listed.size() + " tag files match");
		}
	}

	/** Checks the checkpoint's signature and every custody entry's leaf and path; answers the checkpoint if readable. */
	private @Nullable Checkpoint custody() throws IOException {
		var checkpointFile = json(PackageFormat.CHECKPOINT, PackageFormat.CheckpointFile.class);
		var key = json(PackageFormat.KEY, PackageFormat.KeyFile.class);
		var entries = json(PackageFormat.CUSTODY, PackageFormat.CustodyEntry[].class);
		if (checkpointFile == null || key == null || entries == null) {
			return null;
		}
		Checkpoint checkpoint;
		try {
			checkpoint = new Checkpoint(checkpointFile.treeSize(), checkpointFile.rootHash(),
					Instant.parse(checkpointFile.signedAt()), checkpointFile.algorithm(), checkpointFile.signature());
		}
		catch (DateTimeParseException e) {
			fail(PackageFormat.CHECKPOINT, "signedAt is not an instant: " + checkpointFile.signedAt());
			return null;
		}
		if (checkpoint.signedBy(key.hex())) {
			pass("checkpoint signature", key.algorithm() + " over tree size " + checkpoint.treeSize() + ", root "
					+ checkpoint.rootHash() + ", with public key " + key.hex());
		}
		else {
			fail("checkpoint signature", "the " + key.algorithm() + " signature of the checkpoint at tree size "
					+ checkpoint.treeSize() + " does not verify with the enclosed public key " + key.hex());
		}
		var root = parseHex(checkpoint.rootHash());
		var good = 0;
		for (var e : entries) {
			if (custodyEntry(e, checkpoint, root)) {
				good++;
			}
		}
		if (good == entries.length) {
			pass("custody", entries.length + " entries: leaf hashes recomputed, inclusion proofs lead to the "
					+ "checkpoint's root");
		}
		return checkpoint;
	}

	private boolean custodyEntry(PackageFormat.CustodyEntry e, Checkpoint checkpoint, byte @Nullable [] root) {
		var subject = "custody entry " + e.seq();
		String computed;
		try {
			computed = new AuditEntry(e.seq(), Instant.parse(e.at()), e.actor(), e.action(), e.subjectType(),
					e.subjectId(), e.outcome(), e.detail(), e.leafHash()).computedLeafHash();
		}
		catch (DateTimeParseException | NullPointerException unreadable) {
			fail(subject, "fields unreadable: " + unreadable.getMessage());
			return false;
		}
		if (!computed.equals(e.leafHash())) {
			fail(subject, "leaf hash expected " + e.leafHash() + " (as logged), actual " + computed
					+ " (from the entry's fields: the entry was changed)");
			return false;
		}
		var path = new ArrayList<byte[]>();
		for (var p : e.path()) {
			var hash = parseHex(p);
			if (hash == null) {
				fail(subject, "audit path holds a value that is not a hash: " + p);
				return false;
			}
			path.add(hash);
		}
		if (root == null || !MerkleTree.verifyInclusion(e.seq(), checkpoint.treeSize(), parseHex(computed), path, root)) {
			fail(subject, "inclusion proof does not lead to the checkpoint's root " + checkpoint.rootHash());
			return false;
		}
		return true;
	}

	/** Each item's file and digest as stated, and as the audit log recorded it when the original was stored. */
	private void items(Map<String, BagWriter.Digests> payload, @Nullable Checkpoint checkpoint) throws IOException {
		var items = json(PackageFormat.ITEMS, PackageFormat.Items.class);
		var entries = json(PackageFormat.CUSTODY, PackageFormat.CustodyEntry[].class);
		if (items == null) {
			return;
		}
		for (var item : items.items()) {
			var subject = "item " + item.recordKind().toLowerCase() + ":" + item.id();
			var file = payload.get(item.file());
			if (file == null) {
				fail(subject, "its file " + item.file() + " is missing from the payload");
				continue;
			}
			if (!file.sha256().equals(item.sha256())) {
				fail(subject, "SHA-256 expected " + item.sha256() + " (metadata/items.json), actual " + file.sha256());
				continue;
			}
			var logged = entries == null ? List.<String>of() : Arrays.stream(entries)
				.filter(e -> e.subjectId().equals(item.id()) && "UPLOAD".equals(e.action()))
				.map(e -> sha256Of(e.detail())).filter(s -> s != null).toList();
			if (logged.isEmpty()) {
				pass(subject, item.file() + " (no upload entry in the custody extract to compare with)");
			}
			else if (logged.stream().allMatch(file.sha256()::equals)) {
				pass(subject, item.file() + " is the original logged at upload (sha256 " + file.sha256() + ")");
			}
			else {
				fail(subject, "SHA-256 logged at upload " + logged.get(0) + ", actual " + file.sha256());
			}
		}
	}

	private static @Nullable String sha256Of(String detail) {
		for (var part : detail.split(" ")) {
			if (part.startsWith("sha256=")) {
				return part.substring(7);
			}
		}
		return null;
	}

	private <T> @Nullable T json(String path, Class<T> type) throws IOException {
		var file = files.get(path);
		if (file == null) {
			return null;
		}
		try (var in = zip.getInputStream(file)) {
			return PackageFormat.JSON.readValue(in, type);
		}
		catch (JacksonException e) {
			fail(path, "not readable: " + e.getOriginalMessage());
			return null;
		}
	}

	private @Nullable String text(String path) throws IOException {
		var file = files.get(path);
		if (file == null) {
			return null;
		}
		try (var in = zip.getInputStream(file)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private BagWriter.Digests digest(ZipEntry entry) throws IOException {
		try (InputStream in = zip.getInputStream(entry)) {
			var sha256 = BagWriter.sha256();
			var sm3 = new SM3Digest();
			var buffer = new byte[CHUNK];
			long size = 0;
			for (int n; (n = in.read(buffer)) != -1;) {
				sha256.update(buffer, 0, n);
				sm3.update(buffer, 0, n);
				size += n;
			}
			var sm3Hash = new byte[sm3.getDigestSize()];
			sm3.doFinal(sm3Hash, 0);
			return new BagWriter.Digests(HEX.formatHex(sha256.digest()), HEX.formatHex(sm3Hash), size);
		}
	}

	private static byte @Nullable [] parseHex(String hex) {
		try {
			return hex.length() == 64 ? HEX.parseHex(hex) : null;
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private long failures() {
		return checks.stream().filter(c -> !c.passed()).count();
	}

	private void pass(String subject, String detail) {
		checks.add(new Check(true, subject, detail));
	}

	private void fail(String subject, String detail) {
		checks.add(new Check(false, subject, detail));
	}
}
