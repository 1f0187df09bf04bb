package org.lawtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.shared.ContentDigest;

/** One known-answer case per way a stored original can fail its fixity check; vectors from sha256sum and OpenSSL. */
class FixityUnitTests {

	static final ContentDigest ABC = new ContentDigest(TwinDigestUnitTests.SHA256_ABC, TwinDigestUnitTests.SM3_ABC, 3);

	static final ContentDigest ABD = new ContentDigest(
			"a52d159f262b2c6ddb724a61840befc36eb30c88877a4030b65cbe86298449c9",
			"0d608ca5ec24a9d91b2f8506047a4f9882bf1a211d07d495e98d246bd112c70c", 3);

	static final ContentDigest AB = new ContentDigest(
			"fb8e20fc2e4c3f248c60c39bd652f3c1347298bb977b8b4d5903b85055620603",
			"e07d8ee6e54586a459e30eb8d809e02194558e2b0b235a31f3226a3687faab88", 2);

	static final ContentDigest ABCD = new ContentDigest(
			"88d4266fd4e6338d13b845fcf289579d209c897823b9217da3e161936f031589",
			"82ec580fe6d36ae4f81cae3c73f4a5b3b5a09c943172dc9053c69fd8e18dca1e", 4);

	@Test
	void acceptsIntactContent() throws IOException {
		assertThat(Fixity.verify(ABC, content("abc"))).isEqualTo(ABC);
	}

	@Test
	@DisplayName("ART-22(2) an altered byte is reported with the expected and the calculated digests")
	void reportsAnAlteredByte() {
		assertCorrupted(content("abd"), ABD);
	}

	@Test
	@DisplayName("ART-15 a truncated original is reported")
	void reportsTruncation() {
		assertCorrupted(content("ab"), AB);
	}

	@Test
	void reportsAppendedBytes() {
		assertCorrupted(content("abcd"), ABCD);
	}

	@Test
	void reportsAnSm3RecordThatDoesNotBelongToTheContent() {
		var wrongSm3 = new ContentDigest(ABC.sha256(), ABD.sm3(), 3);

		assertThatExceptionOfType(BlobCorrupted.class).isThrownBy(() -> Fixity.verify(wrongSm3, content("abc")))
			.withMessageContaining("expected sha256=" + ABC.sha256() + " sm3=" + ABD.sm3())
			.withMessageContaining("calculated sha256=" + ABC.sha256() + " sm3=" + ABC.sm3());
	}

	private static void assertCorrupted(ByteArrayInputStream stored, ContentDigest calculated) {
		assertThatExceptionOfType(BlobCorrupted.class).isThrownBy(() -> Fixity.verify(ABC, stored))
			.withMessageContaining("expected sha256=" + ABC.sha256() + " sm3=" + ABC.sm3() + " size=3")
			.withMessageContaining("calculated sha256=" + calculated.sha256() + " sm3=" + calculated.sm3() + " size="
					+ calculated.sizeBytes())
			.satisfies(e -> assertThat(e.calculated()).isEqualTo(calculated));
	}

	private static ByteArrayInputStream content(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
	}
}
