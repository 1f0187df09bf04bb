package org.lawtrace.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;

class ContentDigestUnitTests {

	static final String SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
	static final String SM3_ABC = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0";

	@Test
	void normalisesUppercaseHexSoEqualBytesGiveEqualDigests() {
		var upper = new ContentDigest(SHA256_ABC.toUpperCase(), SM3_ABC.toUpperCase(), 3);

		assertThat(upper).isEqualTo(new ContentDigest(SHA256_ABC, SM3_ABC, 3));
	}

	@Test
	void refusesSha256OfTheWrongLengthNamingTheField() {
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> new ContentDigest(SHA256_ABC.substring(1), SM3_ABC, 3))
			.satisfies(e -> assertThat(e.field()).isEqualTo("sha256"));
	}

	@Test
	void refusesSm3WithNonHexCharactersNamingTheField() {
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> new ContentDigest(SHA256_ABC, SM3_ABC.replace('f', 'g'), 3))
			.satisfies(e -> assertThat(e.field()).isEqualTo("sm3"));
	}

	@Test
	void refusesPathLikeValuesSoADigestCanNameAFileSafely() {
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> new ContentDigest("../../" + SHA256_ABC.substring(6), SM3_ABC, 3));
	}

	@Test
	void refusesMissingDigest() {
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> new ContentDigest(null, SM3_ABC, 3))
			.satisfies(e -> assertThat(e.field()).isEqualTo("sha256"));
	}

	@Test
	void refusesNegativeSize() {
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> new ContentDigest(SHA256_ABC, SM3_ABC, -1))
			.satisfies(e -> assertThat(e.field()).isEqualTo("sizeBytes"));
	}
}
