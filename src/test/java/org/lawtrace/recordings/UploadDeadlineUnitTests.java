package org.lawtrace.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ART-15.1: AV material is stored within 2 days of its making")
class UploadDeadlineUnitTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static UploadDeadline calendar() {
		return new UploadDeadline(2, UploadDeadline.Counting.CALENDAR, Set.of(), Set.of(), SHANGHAI);
	}

	@Test
	void storedOnTheSecondDayAfterIsOnTime() {
		// ended Friday 2026-11-20 23:50 Beijing time, stored Sunday 23:59 Beijing time
		var t = calendar().judge(Instant.parse("2026-11-20T15:50:00Z"), Instant.parse("2026-11-22T15:59:00Z"));
		assertThat(t.deadline()).isEqualTo(LocalDate.of(2026, 11, 22));
		assertThat(t.onTime()).isTrue();
		assertThat(t.daysLate()).isZero();
	}

	@Test
	void storedThreeDaysAfterIsOneDayLate() {
		var t = calendar().judge(Instant.parse("2026-11-20T02:00:00Z"), Instant.parse("2026-11-23T01:00:00Z"));
		assertThat(t.onTime()).isFalse();
		assertThat(t.daysLate()).isEqualTo(1);
	}

	@Test
	void daysAreCountedInTheBureausZoneNotUtc() {
		// 2026-11-20 08:30 Beijing is still 11-20 00:30 UTC, but 2026-11-23 07:00 Beijing is 11-22 23:00 UTC
		var t = calendar().judge(Instant.parse("2026-11-20T00:30:00Z"), Instant.parse("2026-11-22T23:00:00Z"));
		assertThat(t.onTime()).isFalse();
	}

	@Test
	void workingDaysSkipWeekendsAndHolidaysAndCountMakeUpDays() {
		var working = new UploadDeadline(2, UploadDeadline.Counting.WORKING, Set.of(LocalDate.of(2026, 11, 23)),
				Set.of(LocalDate.of(2026, 11, 22)), SHANGHAI);
		// made Friday 11-20; Saturday does not count, Sunday 11-22 is a make-up working day, Monday 11-23 a holiday
		assertThat(working.deadlineFor(LocalDate.of(2026, 11, 20))).isEqualTo(LocalDate.of(2026, 11, 24));
		var plain = new UploadDeadline(2, UploadDeadline.Counting.WORKING, Set.of(), Set.of(), SHANGHAI);
		assertThat(plain.deadlineFor(LocalDate.of(2026, 11, 20))).isEqualTo(LocalDate.of(2026, 11, 24));
		assertThat(plain.deadlineFor(LocalDate.of(2026, 11, 17))).isEqualTo(LocalDate.of(2026, 11, 19));
	}
}
