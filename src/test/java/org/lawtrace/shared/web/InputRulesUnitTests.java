package org.lawtrace.shared.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.shared.Unprocessable;

class InputRulesUnitTests {

	record Party(String name, @Nullable String note) {
	}

	record NewThing(String title, @Nullable Instant startedAt, List<Party> parties, @Nullable LocalDate validUntil,
			Map<String, Object> extra, UUID id) {
	}

	private static NewThing thing(String title, @Nullable Instant startedAt, String partyName) {
		return new NewThing(title, startedAt, List.of(new Party("甲公司", null), new Party(partyName, "多行\r\n备注\t")),
				LocalDate.of(2030, 1, 1), Map.of("k", "v"), UUID.randomUUID());
	}

	@Test
	@DisplayName("ART-22: text with NUL, other C0 controls, DEL or C1 controls is refused naming the field")
	void refusesControlCharactersNamingTheField() {
		for (var bad : List.of("a\u0000b", "\u0007", "x\u001b[31m", "del\u007f", "c1\u0085", "\u009f")) {
			assertThatThrownBy(() -> InputRules.checked(thing(bad, null, "乙")))
				.isInstanceOfSatisfying(Unprocessable.class, e -> org.assertj.core.api.Assertions
					.assertThat(e.field()).isEqualTo("title"));
		}
		assertThatThrownBy(() -> InputRules.checked(thing("标题", null, "乙\u0000")))
			.isInstanceOfSatisfying(Unprocessable.class,
					e -> org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("parties[1].name"));
		assertThatThrownBy(() -> InputRules.checked(Map.of("reason", "x\u0001")))
			.isInstanceOfSatisfying(Unprocessable.class,
					e -> org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("reason"));
	}

	@Test
	@DisplayName("Tabs and line breaks stay allowed, as are Chinese text and full-width punctuation")
	void allowsMultiLineText() {
		assertThatCode(() -> InputRules.checked(thing("东阳市示例食品有限公司销售过期食品案（一）", Instant.parse("2026-03-01T08:00:00Z"),
				"第一行\n第二行\r\n\t缩进"))).doesNotThrowAnyException();
	}

	@Test
	@DisplayName("ART-15.1: times outside 2000-01-01..2100-01-01 are refused naming the field (no absurd daysLate)")
	void refusesAbsurdTimes() {
		var yearMinus999999999 = OffsetDateTime.of(-999999999, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant();
		for (var bad : List.of(yearMinus999999999, Instant.parse("1999-12-31T23:59:59Z"),
				Instant.parse("2100-01-01T00:00:01Z"), Instant.MAX)) {
			assertThatThrownBy(() -> InputRules.checked(thing("标题", bad, "乙")))
				.isInstanceOfSatisfying(Unprocessable.class,
						e -> org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("startedAt"));
		}
		assertThatThrownBy(() -> InputRules.check("validUntil", LocalDate.of(2101, 1, 1)))
			.isInstanceOf(Unprocessable.class);
		assertThatCode(() -> InputRules.checked(thing("标题", Instant.parse("2000-01-01T00:00:00Z"), "乙")))
			.doesNotThrowAnyException();
	}
}
