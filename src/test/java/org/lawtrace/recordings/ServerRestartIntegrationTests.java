package org.lawtrace.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lawtrace.RunsBesideOtherTests;
import org.lawtrace.Api;
import org.lawtrace.PackagedJar;
import org.lawtrace.RealDatabaseAvailable;
import org.lawtrace.collector.TusClient;
import org.lawtrace.storage.TwinDigestTestAccess;

@RunsBesideOtherTests
@ExtendWith(RealDatabaseAvailable.class)
class ServerRestartIntegrationTests {

	private static final String AUTH = "Basic "
			+ Base64.getEncoder().encodeToString("zhang.wei:demo".getBytes(StandardCharsets.UTF_8));

	@Test
	@DisplayName("ART-15.1: kill the server in the middle of a tus upload, restart it, resume: the recording is whole")
	void aTusUploadSurvivesAServerKill() throws Exception {
		var bytes = Media.mp4(Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
				Duration.ofMinutes(30), 6 * 1024 * 1024, System.nanoTime());
		var server = PackagedJar.fresh("lawtrace_restart").start();
		URI upload;
		try {
			var client = new TusClient(URI.create(Api.base(server.port())), AUTH);
			upload = client.create(bytes.length, Map.of("filename", "restart.mp4", "recordedBy", "zhang.wei"));
			client.patch(upload, 0, new ByteArrayInputStream(bytes, 0, bytes.length / 2), bytes.length / 2);
		}
		finally {
			server.kill();
		}

		server.start();
		try {
			var client = new TusClient(URI.create(Api.base(server.port())), AUTH);
			int offset = client.offset(upload).orElseThrow().intValue();
			assertThat(offset).isEqualTo(bytes.length / 2);
			var finished = client.patch(upload, offset, new ByteArrayInputStream(bytes, offset, bytes.length - offset),
					bytes.length - offset);
			assertThat(finished.sha256()).contains(TwinDigestTestAccess.sha256(bytes));
			var content = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Api.base(server.port())
					+ "/api/v1/recordings/" + finished.recordingId().orElseThrow() + "/content"))
				.header("Authorization", AUTH).build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(content.statusCode()).isEqualTo(200);
			assertThat(content.body()).isEqualTo(bytes);
		}
		finally {
			server.stop();
		}
	}
}
