package org.lawtrace.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.cases.CaseKind;
import org.lawtrace.cases.Procedure;

/** Archive numbers (档号) by the pattern setting. */
class ArchiveNumbersUnitTests {

	@Test
	@DisplayName("ART-14: the default pattern gives year and a 4-digit serial; the year is the closing year")
	void defaultPattern() {
		var numbers = new ArchiveNumbers("{year}-{serial:4}");
		var c = FilePlanUnitTests.aCase(CaseKind.ADMINISTRATIVE_PENALTY, Procedure.GENERAL, false);
		assertThat(numbers.year(c, LocalDate.of(2027, 1, 5))).isEqualTo(2026);
		assertThat(numbers.format(c, 2026, 1)).isEqualTo("2026-0001");
		assertThat(numbers.format(c, 2026, 12345)).isEqualTo("2026-12345");
	}

	@Test
	@DisplayName("ART-14: a bureau's own pattern may name the kind of case; one without year and serial is refused, naming the setting")
	void ownPatterns() {
		var c = FilePlanUnitTests.aCase(CaseKind.ADMINISTRATIVE_COERCION, Procedure.GENERAL, false);
		assertThat(new ArchiveNumbers("DY·{kind}·{year}·{serial:3}").format(c, 2026, 7)).isEqualTo("DY·强·2026·007");
		assertThatThrownBy(() -> new ArchiveNumbers("{year}-0001")).hasMessageContaining(ArchiveNumbers.SETTING);
		assertThatThrownBy(() -> new ArchiveNumbers("{serial:4}")).hasMessageContaining("{year}");
	}
}
