package org.lawtrace.access;

import org.lawtrace.shared.BagWriter;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ART-19: the streaming bag writer makes a bag the Library of Congress BagIt implementation accepts, and the
 * offline verifier reports a bag without custody files as incomplete rather than passing it.
 */
class PackageVerificationUnitTests {

	private static byte[] bag(byte[] payload) throws Exception {
		var out = new ByteArrayOutputStream();
		try (var bag = new BagWriter(out, "test-bag")) {
			var written = bag.addPayload("recordings/a.mp4", new ByteArrayInputStream(payload));
			assertThat(written.size()).isEqualTo(payload.length);
			assertThat(written.sha256()).isEqualTo(Bags.digest("sha256", payload));
			assertThat(written.sm3()).isEqualTo(Bags.digest("sm3", payload));
			bag.addPayload("recordings/b.bin", new ByteArrayInputStream(new byte[] { 1, 2, 3 }));
			bag.addTag("README.txt", "说明".getBytes(StandardCharsets.UTF_8));
			var info = new LinkedHashMap<String, String>();
			info.put("Source-Organization", "LawTrace");
			bag.finish(info);
		}
		return out.toByteArray();
	}

	@Test
	@DisplayName("ART-19: a streamed bag validates with gov.loc bagit, Payload-Oxum included")
	void streamedBagIsValidBagIt() throws Exception {
		var bag = Bags.validate(Bags.unzip(bag(new byte[100_000])));
		assertThat(bag.getVersion().toString()).isEqualTo("1.0");
		assertThat(bag.getMetadata().get("Payload-Oxum")).containsExactly("100003.2");
	}

	@Test
	@DisplayName("ART-19: verify-package passes the payload but fails a bag without its custody files")
	void bagWithoutCustodyFails() throws Exception {
		var file = Files.createTempFile("bag-", ".zip");
		Files.write(file, bag("content".getBytes(StandardCharsets.UTF_8)));
		var out = new ByteArrayOutputStream();
		var code = VerifyPackageCommand.run(new String[] { file.toString() }, new PrintStream(out, true,
				StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
		assertThat(code).isEqualTo(1);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("OK    data/recordings/a.mp4: SHA-256 and SM3 match")
			.contains("FAIL  custody/checkpoint.json: missing from the package").contains("FAILED");
	}
}
