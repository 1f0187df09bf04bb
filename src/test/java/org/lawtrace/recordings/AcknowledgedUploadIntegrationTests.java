package org.lawtrace.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lawtrace.RunsBesideOtherTests;
import org.lawtrace.Api;
import org.lawtrace.PackagedJar;
import org.lawtrace.RealDatabaseAvailable;
import org.lawtrace.storage.TwinDigestTestAccess;

import tools.jackson.databind.json.JsonMapper;

/**
 * ART-15.1 and the trust rule "an acknowledgement means blob, row and audit entry are durable": the packaged jar is
 * killed ({@code kill -9}) the moment each 201 arrives, and after a restart every acknowledged recording is there with
 * its UPLOAD entry and its bytes. On embedded H2 the old jar lost about a quarter of them (issue 12, finding 1).
 */
@RunsBesideOtherTests
@ExtendWith(RealDatabaseAvailable.class)
class AcknowledgedUploadIntegrationTests {

	/** One kill per run keeps the suite fast; bench/crash-durability.sh repeats it fifty times per database. */
	private static final int KILLS = 1;
	private static final String OFFICER = basic("zhang.wei");
	/** The custodian sees a record's metadata, and so its audit entries (ART-13, ART-20). */
	private static final String CUSTODIAN = basic("zhao.min");
	private final HttpClient http = HttpClient.newHttpClient();
	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	@DisplayName("ART-15.1 kill -9 right after each 201: after a restart every acknowledged upload has its row, its "
			+ "UPLOAD audit entry and its bytes")
	void anAcknowledgedUploadSurvivesAKillRightAfterTheAnswer() throws Exception {
		var server = PackagedJar.fresh("lawtrace_ack");
		var acknowledged = new LinkedHashMap<String, byte[]>();
		try {
			for (var round = 0; round < KILLS; round++) {
				server.start();
				var bytes = Media.mp4(Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS),
						Duration.ofMinutes(10), 256 * 1024, System.nanoTime());
				var answer = upload(server.port(), bytes);
				server.kill();
				assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
				acknowledged.put(json.readTree(answer.body()).get("id").asString(), bytes);
			}
			server.start();
			for (var each : acknowledged.entrySet()) {
				var id = each.getKey();
				var row = get(server.port(), "/api/v1/recordings/" + id, OFFICER);
				assertThat(row.statusCode()).as("recording %s after the kill", id).isEqualTo(200);
				var entries = json.readTree(get(server.port(),
						"/api/v1/audit/entries?subjectType=RECORDING&subjectId=" + id, CUSTODIAN).body());
				assertThat(entries.get("items").valueStream().map(e -> e.get("action").asString()))
					.as("audit entries of %s after the kill", id).containsOnlyOnce("UPLOAD");
				var content = http.send(request(server.port(), "/api/v1/recordings/" + id + "/content", OFFICER)
					.build(), HttpResponse.BodyHandlers.ofByteArray());
				assertThat(content.statusCode()).isEqualTo(200);
				assertThat(TwinDigestTestAccess.sha256(content.body())).isEqualTo(TwinDigestTestAccess.sha256(each
					.getValue()));
			}
		}
		finally {
			server.stop();
		}
	}

	private HttpResponse<String> upload(int port, byte[] bytes) throws Exception {
		var boundary = "lawtrace-" + UUID.randomUUID();
		var body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
				+ "Content-Type: application/json\r\n\r\n{\"recordedBy\":\"zhang.wei\"}\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ack.mp4\"\r\n"
				+ "Content-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(bytes);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.send(request(port, "/api/v1/recordings", OFFICER)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(int port, String path, String auth) throws Exception {
		return http.send(request(port, path, auth).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest.Builder request(int port, String path, String auth) {
		return HttpRequest.newBuilder(URI.create(Api.base(port) + path)).header("Authorization", auth);
	}

	private static String basic(String username) {
		return "Basic " + Base64.getEncoder().encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8));
	}
}
