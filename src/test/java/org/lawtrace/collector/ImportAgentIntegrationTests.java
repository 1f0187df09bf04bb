package org.lawtrace.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.devices.DeviceApi;
import org.lawtrace.devices.DeviceApi.IssuedToken;
import org.lawtrace.devices.DeviceApi.NewStation;
import org.lawtrace.devices.DeviceApi.NewToken;
import org.lawtrace.devices.DeviceApi.StationView;
import org.lawtrace.recordings.Media;
import org.lawtrace.storage.TwinDigestTestAccess;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

@LawTraceIntegrationTest
class ImportAgentIntegrationTests {

	@LocalServerPort
	int port;

	@TempDir
	Path dcim;

	@TempDir
	Path stateDir;

	@Test
	@DisplayName("ART-15.1: the import agent stores a camera's files, reports each only once the server confirms its "
			+ "digest, refuses what is not media, and uploads nothing twice when run again")
	void importsACamerasFilesOnceAndConfirmsEach() throws Exception {
		var video = Media.mp4(Instant.now().minus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
				Duration.ofMinutes(20), 9 * 1024 * 1024 + 5, System.nanoTime());
		var photo = Media.jpeg(LocalDateTime.now().minusHours(2).withNano(0), 29.29, 120.24, System.nanoTime());
		Files.createDirectories(dcim.resolve("100MEDIA"));
		Files.write(dcim.resolve("100MEDIA").resolve("DSJ-A8-000123_20261120093000_0001.MP4"), video);
		Files.write(dcim.resolve("100MEDIA").resolve("IMG_0001.JPG"), photo);
		Files.write(dcim.resolve("100MEDIA").resolve("FIRMWARE.MP4"), Media.executable());
		// the agent signs in as a registered collection station (采集站), with a token of its own
		var unit = Api.as(port, "admin").get().uri("/api/v1/units").exchange().returnResult(DeviceApi.UNITS)
			.getResponseBody().stream().filter(u -> "DY-WN".equals(u.code())).findFirst().orElseThrow().id();
		var name = "import" + System.nanoTime();
		var station = Api.as(port, "zhao.min").post().uri("/api/v1/stations").contentType(MediaType.APPLICATION_JSON)
			.body(new NewStation("测试采集站" + name, "station." + name, unit, "证据室"))
			.exchange().expectStatus().isCreated().returnResult(StationView.class).getResponseBody().id();
		var token = Api.as(port, "zhao.min").post().uri("/api/v1/stations/{id}/tokens", station)
			.contentType(MediaType.APPLICATION_JSON).body(new NewToken("agent", null)).exchange()
			.returnResult(IssuedToken.class).getResponseBody().token();

		var first = run(token);
		assertThat(first.code).isEqualTo(1);
		var videoSha = TwinDigestTestAccess.sha256(video);
		var photoSha = TwinDigestTestAccess.sha256(photo);
		assertThat(first.out).contains("stored " + videoSha + " ").contains("stored " + photoSha + " ");
		assertThat(first.err).contains("refused").contains("FIRMWARE.MP4");
		// ART-13, ART-20: an unlinked import is seen by its recorder and the custodians, not by another officer
		Api.as(port, "zhao.min").get().uri("/api/v1/recordings?sha256=" + videoSha).exchange()
			.expectBody()
			.jsonPath("$.items[0].channel").isEqualTo("IMPORT")
			.jsonPath("$.items[0].deviceSerial").isEqualTo("DSJ-A8-000123")
			.jsonPath("$.items[0].originalName").isEqualTo("DSJ-A8-000123_20261120093000_0001.MP4")
			.jsonPath("$.items[0].recordedBy.username").isEqualTo("li.na")
			.jsonPath("$.items[0].uploadedBy.username").isEqualTo("station." + name);

		var again = run(token);
		assertThat(again.out).contains("stored " + videoSha).contains("already on the server");
		assertThat(again.out.lines().filter(l -> l.contains("already on the server")).count()).isEqualTo(2);
	}

	private record Run(int code, String out, String err) {
	}

	private Run run(String token) {
		var out = new ByteArrayOutputStream();
		var err = new ByteArrayOutputStream();
		var code = ImportCommand.run(new String[] { "--dir", dcim.toString(), "--server", Api.base(port), "--token",
				token, "--recorded-by", "li.na", "--state", stateDir.resolve("state.properties").toString() },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}
}
