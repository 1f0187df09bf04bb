package org.lawtrace.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.lawtrace.shared.InvalidInput;

class PartyIdentifiersUnitTests {

	@ParameterizedTest
	@ValueSource(strings = { "91330783MA2HX7Q5PJ", "91330783MA2KQ3L8TR", "92330783MA2EFG7H14", "91350100M000100Y43" })
	void acceptsCreditCodesWithTheRightCheckCharacter(String code) {
		assertThat(PartyIdentifiers.isUnifiedSocialCreditCode(code)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "91330783MA2HX7Q5PK", "91330783MA2HX7Q5P", "91330783MA2HX7Q5PJ0", "91330783MA2HX7Q5IJ",
			"91330783ma2hx7q5pj", "" })
	void refusesCreditCodesThatFailGb32100(String code) {
		assertThat(PartyIdentifiers.isUnifiedSocialCreditCode(code)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "330783198503124016", "330783199207185628", "11010519491231002X" })
	void acceptsResidentIdsWithTheRightCheckCharacter(String id) {
		assertThat(PartyIdentifiers.isResidentIdNumber(id)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "330783198503124017", "33078319850312401", "330783198502304018", "11010519491231002x",
			"A30783198503124016" })
	void refusesResidentIdsThatFailGb11643(String id) {
		assertThat(PartyIdentifiers.isResidentIdNumber(id)).isFalse();
	}

	@Test
	void partyNormalisesALowerCaseCheckCharacter() {
		assertThat(Party.checked("parties[0]", Party.Kind.NATURAL_PERSON, "张某", " 11010519491231002x ").idNumber())
			.isEqualTo("11010519491231002X");
	}

	@Test
	void partyErrorNamesTheIdNumberFieldOfItsPosition() {
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> Party.checked("parties[2]", Party.Kind.ORGANIZATION, "某公司", "91330783MA2HX7Q5PK"))
			.satisfies(e -> assertThat(e.field()).isEqualTo("parties[2].idNumber"))
			.withMessageContaining("GB 32100");
	}

	@Test
	void partyErrorNamesTheNameFieldWhenBlank() {
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> Party.checked("parties[0]", Party.Kind.ORGANIZATION, " ", "91330783MA2HX7Q5PJ"))
			.satisfies(e -> assertThat(e.field()).isEqualTo("parties[0].name"));
	}
}
