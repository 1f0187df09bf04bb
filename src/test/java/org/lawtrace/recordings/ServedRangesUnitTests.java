package org.lawtrace.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ServedRangesUnitTests {

	@Test
	@DisplayName("ART-20, ART-22: overlapping and touching ranges merge into intervals; bytes sent count every request")
	void mergesOverlappingAndTouchingRanges() {
		var served = new ServedRanges(1000);
		served.add(100, 100); // 100-199
		served.add(150, 100); // 150-249: overlaps
		served.add(250, 50); // 250-299: touches
		served.add(500, 10); // 500-509: apart
		served.add(0, 10); // 0-9: before everything

		assertThat(served.summary()).isEqualTo("bytes 0-9,100-299,500-509/1000; 270 bytes sent in 5 requests");
		assertThat(served.distinctBytes()).isEqualTo(220);
		assertThat(served.bytesSent()).isEqualTo(270);
	}

	@Test
	@DisplayName("ART-22: a range spanning several intervals swallows them")
	void aWideRangeSwallowsTheIntervalsWithin() {
		var served = new ServedRanges(1000);
		served.add(10, 10);
		served.add(40, 10);
		served.add(70, 10);
		served.add(5, 100);

		assertThat(served.summary()).isEqualTo("bytes 5-104/1000; 130 bytes sent in 4 requests");
	}

	@Test
	@DisplayName("ART-22: the whole file served says so")
	void theWholeFileSaysSo() {
		var served = new ServedRanges(1000);
		served.add(0, 600);
		served.add(600, 400);

		assertThat(served.summary()).isEqualTo("whole file; 1000 bytes sent in 2 requests");
	}

	@Test
	@DisplayName("ART-22: endless seeking keeps a bounded summary by joining the closest intervals, and says so")
	void endlessSeekingKeepsTheSummaryBounded() {
		var served = new ServedRanges(1_000_000);
		for (int i = 0; i < 100; i++) {
			served.add(i * 10_000L, 100);
		}

		assertThat(served.summary()).contains("gaps narrower than the intervals' count allows joined")
			.endsWith("; 10000 bytes sent in 100 requests");
		assertThat(served.summary().split(",")).hasSizeLessThanOrEqualTo(ServedRanges.MAX_INTERVALS);
		assertThat(served.summary()).startsWith("bytes 0-").contains("-990099/1000000");
	}
}
