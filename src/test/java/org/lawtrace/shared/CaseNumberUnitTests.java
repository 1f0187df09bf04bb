package org.lawtrace.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ART-02: a case number has one spelling, so that two spellings of one number cannot make two cases. */
class CaseNumberUnitTests {

	private static final String CANONICAL = "东市监处〔2026〕123号";

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "东市监处[2026]123号", "东市监处(2026)123号", "东市监处［2026］123号", "东市监处（2026）123号",
			"东市监处【2026】123号", "东市监处﹝2026﹞123号", "东市监处〔2026〕123号", " 东市监处 〔2026〕 123号 ",
			"东市监处〔２０２６〕１２３号", "东市监处\u3000[2026]\u3000123号" })
	@DisplayName("ART-02: every bracket people type around the year is stored as 〔〕, with no spaces and ASCII digits")
	void everySpellingIsTheSameNumber(String typed) {
		assertThat(new CaseNumber(typed).value()).isEqualTo(CANONICAL);
		assertThat(new CaseNumber(typed)).isEqualTo(new CaseNumber(CANONICAL));
	}

	@Test
	@DisplayName("ART-02: a part of a number, as typed into a search, is spelled the same way")
	void partsOfANumberAreNormalisedToo() {
		assertThat(CaseNumber.normalised("[2026")).isEqualTo("〔2026");
		assertThat(CaseNumber.normalised("2026]12")).isEqualTo("2026〕12");
		assertThat(CaseNumber.normalised(null)).isEmpty();
	}

	@Test
	@DisplayName("Different numbers stay different: only the brackets, spaces and digit widths are made one")
	void otherCharactersAreKept() {
		assertThat(new CaseNumber("东市监检[2026]45号")).isNotEqualTo(new CaseNumber("东市监处[2026]45号"));
		assertThat(new CaseNumber("东市监处[2026]45号")).isNotEqualTo(new CaseNumber("东市监处[2026]145号"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "\u3000" })
	@DisplayName("A blank number is refused, naming the field")
	void blankIsRefused(String typed) {
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> new CaseNumber(typed))
			.satisfies(e -> assertThat(e.field()).isEqualTo("caseNumber"));
	}
}
