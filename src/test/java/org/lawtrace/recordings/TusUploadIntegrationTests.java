package org.lawtrace.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.collector.TusClient;
import org.springframework.boot.test.web.server.LocalServerPort;

@LawTraceIntegrationTest
class TusUploadIntegrationTests {

	@LocalServerPort
	int port;

	private TusClient as(String user) {
		return new TusClient(URI.create(Api.base(port)), "Basic "
				+ Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	@DisplayName("ART-15.1: a tus upload broken off mid-transfer resumes from the server's offset and becomes a "
			+ "whole recording")
	void resumesAfterTheLinkBreaks() throws Exception {
		var bytes = Media.mp4(Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
				Duration.ofMinutes(10), 3 * 1024 * 1024, System.nanoTime());
		var client = as("zhang.wei");
		var upload = client.create(bytes.length, Map.of("filename", "tus.mp4", "recordedBy", "zhang.wei"));

		// the link drops after a third of the file: the client had promised all of it in one PATCH
		try (var socket = new Socket("127.0.0.1", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("PATCH " + upload.getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nTus-Resumable: 1.0.0\r\n"
					+ "Authorization: Basic " + Base64.getEncoder().encodeToString("zhang.wei:demo".getBytes())
					+ "\r\nUpload-Offset: 0\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: "
					+ bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(bytes, 0, bytes.length / 3);
			out.flush();
		}
		// the server notices the broken link in its own time; resume from what it holds once that stops changing
		var offset = settledOffset(client, upload);
		assertThat(offset).isLessThan(bytes.length);

		var finished = client.patch(upload, offset, new ByteArrayInputStream(bytes, (int) offset, bytes.length),
				bytes.length - offset);
		var sha = org.lawtrace.storage.TwinDigestTestAccess.sha256(bytes);
		assertThat(finished.sha256()).contains(sha);
		var id = finished.recordingId().orElseThrow();
		Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}", id).exchange()
			.expectBody().jsonPath("$.channel").isEqualTo("TUS").jsonPath("$.sha256").isEqualTo(sha);
		Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}/content", id).exchange()
			.expectBody(byte[].class).isEqualTo(bytes);
		assertThat(client.offset(upload)).as("the finished upload's own copy is removed").isEmpty();
	}

	private static long settledOffset(TusClient client, URI upload) throws Exception {
		var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		long previous = -1;
		while (System.nanoTime() < deadline) {
			var offset = client.offset(upload).orElseThrow();
			if (offset > 0 && offset == previous) {
				return offset;
			}
			previous = offset;
			Thread.sleep(300);
		}
		return previous;
	}

	@Test
	@DisplayName("A tus upload with a bad description is refused at creation, before any byte is sent")
	void refusesABadDescriptionAtCreation() {
		assertThatExceptionOfType(TusClient.Refused.class)
			.isThrownBy(() -> as("zhang.wei").create(1000, Map.of("filename", "x.mp4", "recordedBy", "nobody.here")))
			.satisfies(e -> assertThat(e.status()).isEqualTo(400))
			.withMessageContaining("recordedBy");
		assertThatExceptionOfType(TusClient.Refused.class)
			.isThrownBy(() -> as("zhang.wei").create(1000, Map.of("filename", "x.mp4", "recordedBy", "zhang.wei",
					"caseId", "not-an-id")))
			.withMessageContaining("caseId");
	}

	@Test
	@DisplayName("Nobody else can see or continue someone's upload")
	void uploadsBelongToTheirOwner() throws IOException {
		var upload = as("zhang.wei").create(1000, Map.of("filename", "mine.mp4", "recordedBy", "zhang.wei"));
		assertThat(as("li.na").offset(upload)).isEmpty();
		assertThatExceptionOfType(TusClient.Refused.class)
			.isThrownBy(() -> as("li.na").patch(upload, 0, new ByteArrayInputStream(new byte[10]), 10));
		assertThat(as("zhang.wei").offset(upload)).contains(0L);
	}

	@Test
	@DisplayName("ART-22(2): a finished tus upload that is not media is refused and leaves nothing")
	void aFinishedUploadThatIsNotMediaIsRefused() throws IOException {
		var bytes = Media.executable();
		var client = as("zhang.wei");
		var upload = client.create(bytes.length, Map.of("filename", "setup.mp4", "recordedBy", "zhang.wei"));
		assertThatExceptionOfType(TusClient.Refused.class)
			.isThrownBy(() -> client.patch(upload, 0, new ByteArrayInputStream(bytes), bytes.length))
			.satisfies(e -> assertThat(e.status()).isEqualTo(400));
		Api.as(port, "zhang.wei").get().uri("/api/v1/recordings?sha256="
				+ org.lawtrace.storage.TwinDigestTestAccess.sha256(bytes)).exchange()
			.expectBody().jsonPath("$.total").isEqualTo(0);
		assertThat(Arrays.asList(client.offset(upload).orElse(-1L))).containsExactly(-1L);
	}
}
