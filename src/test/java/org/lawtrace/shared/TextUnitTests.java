package org.lawtrace.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextUnitTests {

	@Test
	void stripsAndTreatsBlankAsAbsent() {
		assertThat(Text.optional("reason", "  误关联 ", 10)).isEqualTo("误关联");
		assertThat(Text.optional("reason", "   ", 10)).isNull();
		assertThat(Text.optional("reason", null, 10)).isNull();
	}

	@Test
	void namesTheFieldWhenMissingOrTooLong() {
		assertThatThrownBy(() -> Text.required("reason", " ", 10, "请说明原因"))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("reason"));
		assertThatThrownBy(() -> Text.optional("opinion", "x".repeat(11), 10))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("opinion"));
	}

	@Test
	void quotesChartLabelsAsJsonStrings() {
		assertThat(Text.jsonString("稽查一队")).isEqualTo("\"稽查一队\"");
		assertThat(Text.jsonString("a\"b\\c\nd")).isEqualTo("\"a\\\"b\\\\c\\u000ad\"");
	}
}
