package org.lawtrace.retention;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.lawtrace.access.PackageChecks;
import org.lawtrace.storage.DiscReading;

/**
 * Checks a disc read back (ART-17), offline, from what is on it alone: every file on the verification list is there
 * with its size, SHA-256 and SM3; nothing is on the disc that the list does not name; and each package on it passes
 * {@code verify-package}. The same checks serve the custodian's read-back and {@code verify-disc}.
 */
final class DiscVerification {

	private static final HexFormat HEX = HexFormat.of();

	/** One check: passed or not, and what it says, naming the file. */
	record Line(boolean passed, String text) {

		String printed() {
			return (passed ? "OK    " : "FAIL  ") + text;
		}
	}

	/**
	 * @param usable false when the disc has no verification list at all: nothing could be checked.
	 */
	record Result(boolean usable, List<Line> lines) {

		boolean passed() {
			return usable && lines.stream().allMatch(Line::passed);
		}

		List<String> failures() {
			return lines.stream().filter(l -> !l.passed()).map(Line::text).toList();
		}
	}

	private DiscVerification() {
	}

	static Result run(DiscReading disc) {
		var lines = new ArrayList<Line>();
		if (!disc.exists(VerificationList.SHA256SUMS)) {
			lines.add(new Line(false, VerificationList.SHA256SUMS + ": no verification list on the disc"));
			return new Result(false, lines);
		}
		var bad = new ArrayList<String>();
		var sums = VerificationList.parseSums(read(disc, VerificationList.SHA256SUMS), bad);
		bad.forEach(b -> lines.add(new Line(false, VerificationList.SHA256SUMS + ": malformed line: " + b)));
		var details = VerificationList.parseVerification(
				disc.exists(VerificationList.VERIFICATION) ? read(disc, VerificationList.VERIFICATION) : null);
		if (details.isEmpty()) {
			lines.add(new Line(false, VerificationList.VERIFICATION + ": missing or lists no file"));
		}
		for (var listed : sums.entrySet()) {
			file(disc, listed.getKey(), listed.getValue(), details.get(listed.getKey()), lines);
		}
		for (var onDisc : disc.files()) {
			if (!sums.containsKey(onDisc) && !VerificationList.listFiles().contains(onDisc)) {
				lines.add(new Line(false, onDisc + ": on the disc but not on its verification list"));
			}
		}
		return new Result(true, lines);
	}

	private static void file(DiscReading disc, String name, String sha256, VerificationList.Entry detail,
			List<Line> lines) {
		if (!disc.exists(name)) {
			lines.add(new Line(false, name + ": missing from the disc"));
			return;
		}
		var size = disc.size(name);
		String[] digests;
		try {
			digests = digests(disc, name);
		}
		catch (UncheckedIOException e) {
			lines.add(new Line(false, name + ": unreadable: " + e.getCause().getMessage()));
			return;
		}
		var fine = true;
		if (!digests[0].equals(sha256)) {
			lines.add(new Line(false, name + ": SHA-256 expected " + sha256 + " (SHA256SUMS), actual " + digests[0]));
			fine = false;
		}
		if (detail != null && detail.size() != size) {
			lines.add(new Line(false, name + ": size expected " + detail.size() + " bytes, actual " + size));
			fine = false;
		}
		if (detail != null && !detail.sm3().equals(digests[1])) {
			lines.add(new Line(false, name + ": SM3 expected " + detail.sm3() + " (VERIFICATION.txt), actual " + digests[1]));
			fine = false;
		}
		if (fine) {
			lines.add(new Line(true, name + ": " + size + " bytes, SHA-256 and SM3 as listed"));
		}
		if (name.endsWith(".zip")) {
			var outcome = PackageChecks.check(disc.file(name));
			if (outcome.unusable() != null) {
				lines.add(new Line(false, name + ": not a package: " + outcome.unusable()));
			}
			else if (outcome.passed()) {
				lines.add(new Line(true, name + ": verify-package, " + outcome.checks() + " checks passed"));
			}
			else {
				outcome.failures().forEach(f -> lines.add(new Line(false, name + ": verify-package " + f)));
			}
		}
	}

	private static String[] digests(DiscReading disc, String name) {
		try (InputStream in = disc.open(name)) {
			var sha = MessageDigest.getInstance("SHA-256");
			var sm3 = new SM3Digest();
			var buffer = new byte[256 * 1024];
			int read;
			while ((read = in.read(buffer)) != -1) {
				sha.update(buffer, 0, read);
				sm3.update(buffer, 0, read);
			}
			var sm3Out = new byte[sm3.getDigestSize()];
			sm3.doFinal(sm3Out, 0);
			return new String[] { HEX.formatHex(sha.digest()), HEX.formatHex(sm3Out) };
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String read(DiscReading disc, String name) {
		try (var in = disc.open(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
