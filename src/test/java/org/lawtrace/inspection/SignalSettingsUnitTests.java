package org.lawtrace.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ART-22 (3), (4): working hours are read in the bureau's time zone, Monday to Friday")
class SignalSettingsUnitTests {

	private static final ZoneId BUREAU = ZoneId.of("Asia/Shanghai");

	private final SignalSettings settings = new SignalSettings(20, 5, LocalTime.of(8, 0), LocalTime.of(18, 0),
			Duration.ofHours(2));

	private boolean working(String local) {
		return settings.withinWorkingHours(LocalDateTime.parse(local).atZone(BUREAU).toInstant(), BUREAU);
	}

	@Test
	@DisplayName("ART-22 (3): a weekday between 08:00 and 18:00 bureau time is working time; before, after and weekends are not")
	void weekdaysWithinTheHours() {
		assertThat(working("2026-12-07T08:00:00")).isTrue();
		assertThat(working("2026-12-07T17:59:59")).isTrue();
		assertThat(working("2026-12-07T18:00:00")).isFalse();
		assertThat(working("2026-12-07T07:59:00")).isFalse();
		assertThat(working("2026-12-06T10:00:00")).as("a Sunday").isFalse();
		// 02:00 UTC is 10:00 in the bureau: the zone, not the server's, decides
		assertThat(settings.withinWorkingHours(java.time.Instant.parse("2026-12-08T02:00:00Z"), BUREAU)).isTrue();
	}
}
