package org.lawtrace.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.MovableClock;
import org.lawtrace.shared.BureauTime;

/** ART-20, ART-22: a playback is logged once per viewing and window, with the ranges it served. */
class PlaybackViewingsUnitTests {

	private static final long SIZE = 10_000_000;

	private final MovableClock clock = new MovableClock();
	private final List<RecordingContentServed> logged = new CopyOnWriteArrayList<>();
	private final PlaybackViewings viewings = new PlaybackViewings(e -> logged.add((RecordingContentServed) e),
			BureauTime.of(clock, ZoneId.of("Asia/Shanghai")), Duration.ofMinutes(5));
	private final RecordingId recording = new RecordingId(UUID.randomUUID());

	@Test
	@DisplayName("ART-22: many range requests of one viewing make one entry, written before the first bytes flow")
	void manyRangesOneEntry() {
		viewings.served(recording, SIZE, "zhang.wei", 0, 65536);
		assertThat(logged).as("logged before the first range is sent").hasSize(1);
		for (int i = 1; i < 200; i++) {
			viewings.served(recording, SIZE, "zhang.wei", i * 65536L, 65536);
		}

		assertThat(logged).singleElement().satisfies(e -> {
			assertThat(e.viewer()).isEqualTo("zhang.wei");
			assertThat(e.recordingId()).isEqualTo(recording);
			assertThat(e.served()).isEqualTo("bytes 0-65535/" + SIZE + "; 65536 bytes sent in 1 request; viewing started");
		});
	}

	@Test
	@DisplayName("ART-22: after the window another entry summarises what was served since the first, merged")
	void anotherEntryEveryWindow() {
		viewings.served(recording, SIZE, "zhang.wei", 0, 100);
		var started = logged.get(0).at();
		viewings.served(recording, SIZE, "zhang.wei", 100, 100);
		viewings.served(recording, SIZE, "zhang.wei", 5000, 100);
		clock.advance(Duration.ofMinutes(5));
		viewings.served(recording, SIZE, "zhang.wei", 150, 100);
		viewings.served(recording, SIZE, "zhang.wei", 250, 100);

		assertThat(logged).hasSize(2);
		assertThat(logged.get(1).served()).isEqualTo("viewing continued since " + started
				+ ": bytes 100-249,5000-5099/" + SIZE + "; 300 bytes sent in 3 requests");
		assertThat(Duration.between(started, logged.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMinutes(5));
	}

	@Test
	@DisplayName("ART-20: another viewer of the same recording, and the same viewer of another, each have their own entry")
	void eachViewerAndRecordingHasItsOwnViewing() {
		var other = new RecordingId(UUID.randomUUID());
		viewings.served(recording, SIZE, "zhang.wei", 0, 100);
		viewings.served(recording, SIZE, "li.na", 0, 100);
		viewings.served(other, SIZE, "zhang.wei", 0, 100);
		viewings.served(recording, SIZE, "li.na", 100, 100);

		assertThat(logged).extracting(RecordingContentServed::viewer).containsExactly("zhang.wei", "li.na", "zhang.wei");
		assertThat(logged).extracting(RecordingContentServed::recordingId).containsExactly(recording, recording, other);
	}

	@Test
	@DisplayName("ART-22: a viewing that falls silent is closed with what it served since its last entry; playing again starts a new one")
	void aSilentViewingIsClosedWithItsSummary() {
		viewings.served(recording, SIZE, "zhang.wei", 0, 100);
		viewings.served(recording, SIZE, "zhang.wei", 1000, 100);
		viewings.closeSilentViewings();
		assertThat(logged).as("still playing").hasSize(1);

		clock.advance(Duration.ofMinutes(6));
		viewings.closeSilentViewings();
		assertThat(logged).hasSize(2);
		assertThat(logged.get(1).served()).startsWith("viewing ended, since ")
			.endsWith(": bytes 1000-1099/" + SIZE + "; 100 bytes sent in 1 request");
		assertThat(viewings.open()).isZero();

		viewings.served(recording, SIZE, "zhang.wei", 0, 100);
		assertThat(logged).hasSize(3);
		assertThat(logged.get(2).served()).endsWith("viewing started");
	}

	@Test
	@DisplayName("ART-22: a graceful stop logs what every open viewing served since its last entry")
	void aGracefulStopLogsWhatIsPending() {
		viewings.start();
		viewings.served(recording, SIZE, "zhang.wei", 0, 100);
		viewings.served(recording, SIZE, "zhang.wei", 100, 100);
		viewings.stop();

		assertThat(logged).hasSize(2);
		assertThat(logged.get(1).served()).endsWith(": bytes 100-199/" + SIZE + "; 100 bytes sent in 1 request");
		assertThat(viewings.isRunning()).isFalse();
	}

	@Test
	@DisplayName("ART-22: when the entry cannot be written the bytes are not served, and the next request tries again")
	void anUnwrittenEntryStopsTheServing() {
		var failing = new PlaybackViewings(e -> {
			throw new IllegalStateException("audit log unavailable");
		}, BureauTime.of(clock, ZoneId.of("Asia/Shanghai")), Duration.ofMinutes(5));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> failing.served(recording, SIZE, "zhang.wei", 0, 100))
			.isInstanceOf(IllegalStateException.class);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> failing.served(recording, SIZE, "zhang.wei", 0, 100))
			.as("still not on record, so asked again").isInstanceOf(IllegalStateException.class);
	}
}
