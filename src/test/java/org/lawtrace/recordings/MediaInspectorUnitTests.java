package org.lawtrace.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.shared.InvalidInput;

class MediaInspectorUnitTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
	private final MediaInspector inspector = new MediaInspector();

	private MediaFacts inspect(byte[] bytes) {
		return inspector.inspect(() -> new ByteArrayInputStream(bytes), SHANGHAI);
	}

	@Test
	@DisplayName("ART-15: an MP4's own header gives its type, creation time and duration")
	void readsMp4CreationTimeAndDuration() {
		var created = Instant.parse("2026-11-20T01:30:00Z");
		var facts = inspect(Media.mp4(created, Duration.ofSeconds(2700), 4096, 1));
		assertThat(facts.kind()).isEqualTo(RecordingKind.VIDEO);
		assertThat(facts.mediaType()).isEqualTo("video/mp4");
		assertThat(facts.createdAt()).isEqualTo(created);
		assertThat(facts.duration()).isEqualTo(Duration.ofSeconds(2700));
	}

	@Test
	@DisplayName("A JPEG's EXIF gives capture time in the bureau's zone and its GPS position")
	void readsJpegExifTimeAndGps() {
		var facts = inspect(Media.jpeg(LocalDateTime.parse("2026-11-20T09:31:05"), 29.2894, 120.2417, 2));
		assertThat(facts.kind()).isEqualTo(RecordingKind.PHOTO);
		assertThat(facts.mediaType()).isEqualTo("image/jpeg");
		assertThat(facts.createdAt()).isEqualTo(Instant.parse("2026-11-20T01:31:05Z"));
		assertThat(facts.latitude()).isCloseTo(29.2894, within(0.0001));
		assertThat(facts.longitude()).isCloseTo(120.2417, within(0.0001));
		assertThat(facts.duration()).isNull();
	}

	@Test
	void readsWavLength() {
		var facts = inspect(Media.wav(3));
		assertThat(facts.kind()).isEqualTo(RecordingKind.AUDIO);
		assertThat(facts.mediaType()).isEqualTo("audio/wav");
		assertThat(facts.duration()).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	@DisplayName("ART-22(2): an executable renamed .mp4 is refused whatever its name says")
	void refusesContentThatIsNotMedia() {
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> inspect(Media.executable()))
			.satisfies(e -> assertThat(e.field()).isEqualTo("file"));
	}

	@Test
	void aCameraThatNeverSetItsClockGivesNoCreationTime() {
		var facts = inspect(Media.mp4(Instant.parse("1970-01-01T00:00:00Z"), Duration.ofSeconds(5), 128, 3));
		assertThat(facts.createdAt()).isNull();
		assertThat(facts.duration()).isEqualTo(Duration.ofSeconds(5));
	}
}
