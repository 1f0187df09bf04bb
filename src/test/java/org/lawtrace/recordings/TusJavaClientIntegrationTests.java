package org.lawtrace.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.recordings.RecordingApi.RecordingPage;
import org.lawtrace.storage.TwinDigestTestAccess;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tus.java.client.TusClient;
import io.tus.java.client.TusURLMemoryStore;
import io.tus.java.client.TusURLStore;
import io.tus.java.client.TusUpload;

/**
 * The official tus client uploads through {@code /api/v1/uploads}. On the JDK's {@code HttpURLConnection}, which
 * cannot send PATCH, tus-java-client 0.5.0 sends every PATCH as POST with {@code X-HTTP-Method-Override: PATCH}, so
 * each chunk here exercises the override that tus 1.0 says the server MUST honour.
 */
@LawTraceIntegrationTest
class TusJavaClientIntegrationTests {

	@LocalServerPort
	int port;

	private TusClient client(TusURLStore urls) throws Exception {
		var client = new TusClient();
		client.setUploadCreationURL(URI.create(Api.base(port) + "/api/v1/uploads").toURL());
		client.setHeaders(Map.of("Authorization", "Basic "
				+ Base64.getEncoder().encodeToString("zhang.wei:demo".getBytes(StandardCharsets.UTF_8))));
		client.enableResuming(urls);
		return client;
	}

	private static TusUpload upload(byte[] bytes, String fingerprint) {
		var upload = new TusUpload();
		upload.setInputStream(new ByteArrayInputStream(bytes));
		upload.setSize(bytes.length);
		upload.setFingerprint(fingerprint);
		upload.setMetadata(Map.of("filename", "执法记录仪.mp4", "recordedBy", "zhang.wei"));
		return upload;
	}

	@Test
	@DisplayName("ART-15.1, ART-22: tus-java-client 0.5.0 uploads a recording, stopped half way and resumed by a new "
			+ "client, through X-HTTP-Method-Override; the stored recording's SHA-256 is the file's")
	void theOfficialJavaClientUploadsStopsAndResumes() throws Exception {
		var bytes = Media.mp4(Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS),
				Duration.ofMinutes(5), 2 * 1024 * 1024, System.nanoTime());
		var fingerprint = "hygiene-" + System.nanoTime();
		var urls = new TusURLMemoryStore();

		// first run: a quarter of the file per request, stopped once half is sent
		var uploader = client(urls).resumeOrCreateUpload(upload(bytes, fingerprint));
		uploader.setChunkSize(64 * 1024);
		uploader.setRequestPayloadSize(bytes.length / 4);
		while (uploader.getOffset() < bytes.length / 2 && uploader.uploadChunk() > -1) {
			// keep sending
		}
		uploader.finish();
		var stoppedAt = uploader.getOffset();
		assertThat(stoppedAt).isGreaterThanOrEqualTo(bytes.length / 2).isLessThan(bytes.length);
		assertThat(recordingsWith(TwinDigestTestAccess.sha256(bytes))).as("nothing recorded half way").isZero();

		// second run, as after a restart of the client: it asks the server where to go on from
		var resumed = client(urls).resumeOrCreateUpload(upload(bytes, fingerprint));
		assertThat(resumed.getOffset()).as("resumed from the server's offset").isEqualTo(stoppedAt);
		assertThat(resumed.getUploadURL()).isEqualTo(uploader.getUploadURL());
		resumed.setChunkSize(64 * 1024);
		while (resumed.uploadChunk() > -1) {
			// send the rest
		}
		resumed.finish();
		assertThat(resumed.getOffset()).isEqualTo(bytes.length);

		var sha = TwinDigestTestAccess.sha256(bytes);
		assertThat(recordingsWith(sha)).isEqualTo(1);
		var recordingId = Api.as(port, "zhang.wei").get().uri("/api/v1/recordings?sha256=" + sha).exchange()
			.expectStatus().isOk()
			.returnResult(RecordingPage.class).getResponseBody().items().get(0).id();
		Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}", recordingId).exchange()
			.expectBody().jsonPath("$.sha256").isEqualTo(sha).jsonPath("$.channel").isEqualTo("TUS");
		Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}/content", recordingId).exchange()
			.expectBody(byte[].class).isEqualTo(bytes);
	}

	private long recordingsWith(String sha256) {
		return Api.as(port, "zhang.wei").get().uri("/api/v1/recordings?sha256=" + sha256).exchange()
			.expectStatus().isOk()
			.returnResult(RecordingPage.class).getResponseBody().total();
	}
}
