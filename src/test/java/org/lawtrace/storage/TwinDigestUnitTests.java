package org.lawtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawtrace.shared.ContentDigest;

class TwinDigestUnitTests {

	// FIPS 180-2 appendix B.1 and GB/T 32905-2016 appendix A.1: the message "abc"
	static final String SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
	static final String SM3_ABC = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0";

	// GB/T 32905-2016 appendix A.2: "abcd" sixteen times, a message of exactly one SM3 block
	static final String SM3_ABCD_16 = "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732";

	// Contents.random(5 MiB + 12345, 20260522) as sha256sum and "openssl dgst -sm3" (OpenSSL 3.0) digest it
	static final int LARGE_SIZE = 5 * 1024 * 1024 + 12345;
	static final long LARGE_SEED = 20260522L;
	static final String SHA256_LARGE = "aeb15f40efaa5ad96f6149de268f3e5a25f5a447224121f2609fc9f99aa0778e";
	static final String SM3_LARGE = "82938af608a22154ea5e58d19978078b899dda9d05efcb19c93574359ea31cff";

	@Test
	void digestsAbcToTheStandardsVectors() {
		assertThat(TwinDigest.of("abc".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo(new ContentDigest(SHA256_ABC, SM3_ABC, 3));
	}

	@Test
	void digestsTheSm3StandardsOneBlockMessageToItsVector() {
		var digest = TwinDigest.of("abcd".repeat(16).getBytes(StandardCharsets.US_ASCII));

		assertThat(digest.sm3()).isEqualTo(SM3_ABCD_16);
		assertThat(digest.sizeBytes()).isEqualTo(64);
	}

	@Test
	void digestsAMultiMegabyteFileAsSha256sumAndOpensslDo(@TempDir Path dir) throws Exception {
		var file = dir.resolve("large.bin");
		Files.write(file, Contents.random(LARGE_SIZE, LARGE_SEED));

		ContentDigest digest;
		try (var in = Files.newInputStream(file)) {
			digest = TwinDigest.of(in);
		}

		assertThat(digest).isEqualTo(new ContentDigest(SHA256_LARGE, SM3_LARGE, LARGE_SIZE));
		// where the tools are installed, ask them too rather than trusting the recorded values alone
		Contents.externalDigest(file, "sha256sum").ifPresent(hex -> assertThat(digest.sha256()).isEqualTo(hex));
		Contents.externalDigest(file, "openssl", "dgst", "-sm3").ifPresent(hex -> assertThat(digest.sm3()).isEqualTo(hex));
	}

	@Test
	void copiesExactlyTheBytesItDigestsLeavingSm3ForLater() throws Exception {
		var bytes = Contents.random(3 * TwinDigest.BUFFER_SIZE + 7, 1);
		var copy = new ByteArrayOutputStream();

		var digest = TwinDigest.copy(new ByteArrayInputStream(bytes), Channels.newChannel(copy));

		assertThat(copy.toByteArray()).isEqualTo(bytes);
		var full = TwinDigest.of(bytes);
		assertThat(digest).isEqualTo(new ContentDigest(full.sha256(), null, full.sizeBytes()));
	}
}
