package org.lawtrace.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawtrace.storage.DiscReading;

/** ART-17: a disc's verification list, checked from the disc alone, names each file that differs. */
class DiscVerificationUnitTests {

	@TempDir
	Path disc;

	@Test
	@DisplayName("ART-17: a disc whose files match its list passes, and SHA256SUMS is in sha256sum's own format")
	void matchingDiscPasses() throws Exception {
		write("notes/readme.txt", "长期保存".getBytes(StandardCharsets.UTF_8));
		assertThat(Files.readString(disc.resolve("SHA256SUMS")))
			.matches("[0-9a-f]{64}  notes/readme\\.txt\\n");
		var result = check();
		assertThat(result.passed()).as(result.lines().toString()).isTrue();
	}

	@Test
	@DisplayName("ART-17: a changed byte, a missing file and a file not on the list each fail, naming the file; no list "
			+ "at all is no disc of ours")
	void differencesAreNamed() throws Exception {
		write("notes/readme.txt", "长期保存".getBytes(StandardCharsets.UTF_8));
		Files.writeString(disc.resolve("notes/readme.txt"), "长期保存!");
		Files.writeString(disc.resolve("stray.txt"), "x");
		var result = check();
		assertThat(result.passed()).isFalse();
		assertThat(result.failures()).anySatisfy(f -> assertThat(f).startsWith("notes/readme.txt: SHA-256 expected"))
			.anySatisfy(f -> assertThat(f).startsWith("notes/readme.txt: size expected"))
			.anySatisfy(f -> assertThat(f).startsWith("notes/readme.txt: SM3 expected"))
			.anySatisfy(f -> assertThat(f).isEqualTo("stray.txt: on the disc but not on its verification list"));

		Files.delete(disc.resolve("notes/readme.txt"));
		assertThat(check().failures()).contains("notes/readme.txt: missing from the disc");

		Files.delete(disc.resolve("SHA256SUMS"));
		assertThat(check().usable()).isFalse();
	}

	@Test
	@DisplayName("ART-17: a zip on the list that is no BagIt package fails verify-package, naming it")
	void notAPackageIsNamed() throws Exception {
		write("packages/p.zip", "not a zip".getBytes(StandardCharsets.UTF_8));
		assertThat(check().failures()).anySatisfy(f -> assertThat(f).startsWith("packages/p.zip: not a package"));
	}

	@Test
	@DisplayName("ART-17: the volume id is what ISO 9660 allows: capitals, digits, underscores")
	void volumeId() {
		assertThat(Disc.volumeId("LT-2026-0001")).isEqualTo("LT_2026_0001");
	}

	private DiscVerification.Result check() {
		try (var reading = DiscReading.ofOperatorPath(disc.toString(), Xorriso.extract("xorriso"), Duration.ofMinutes(1))) {
			return DiscVerification.run(reading);
		}
	}

	private void write(String name, byte[] content) throws Exception {
		Files.createDirectories(disc.resolve(name).getParent());
		Files.write(disc.resolve(name), content);
		var sm3 = new SM3Digest();
		sm3.update(content, 0, content.length);
		var out = new byte[32];
		sm3.doFinal(out, 0);
		var entry = new VerificationList.Entry(name, content.length,
				HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)), HexFormat.of().formatHex(out));
		Files.write(disc.resolve(VerificationList.SHA256SUMS), VerificationList.sha256sums(List.of(entry)));
		Files.write(disc.resolve(VerificationList.VERIFICATION),
				VerificationList.verification("LT-2026-0001", "2026-12-05T10:00:00+08:00", List.of(entry)));
	}
}
