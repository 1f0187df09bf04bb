package org.lawtrace.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class CameraFileUnitTests {

	@Test
	void readsDeviceAndStartFromABodyCamName() {
		var file = CameraFile.of(Path.of("DCIM/DSJ-A8-000123_20261120093000_0001.MP4"));
		assertThat(file.startedAt()).isEqualTo(LocalDateTime.of(2026, 11, 20, 9, 30, 0));
		assertThat(file.deviceSerial()).isEqualTo("DSJ-A8-000123");
	}

	@Test
	void readsAStartWrittenWithSeparators() {
		var file = CameraFile.of(Path.of("20261120_093015_0002.MP4"));
		assertThat(file.startedAt()).isEqualTo(LocalDateTime.of(2026, 11, 20, 9, 30, 15));
		assertThat(file.deviceSerial()).isNull();
	}

	@Test
	void aNameWithoutATimeGivesNone() {
		var file = CameraFile.of(Path.of("IMG_0001.JPG"));
		assertThat(file.startedAt()).isNull();
		assertThat(file.deviceSerial()).isNull();
	}

	@Test
	void anImpossibleDateIsNoTime() {
		assertThat(CameraFile.of(Path.of("20261340_250000.MP4")).startedAt()).isNull();
	}

	@Test
	void refusesMissingOptionsWithUsage() {
		var out = new java.io.ByteArrayOutputStream();
		var code = ImportCommand.run(new String[] { "--dir", "x" }, new java.io.PrintStream(out),
				new java.io.PrintStream(out));
		assertThat(code).isEqualTo(2);
		assertThat(out.toString()).contains("missing --server").contains("usage:");
	}
}
