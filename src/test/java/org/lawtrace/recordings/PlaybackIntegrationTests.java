package org.lawtrace.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.MovableClock;
import org.lawtrace.access.AccessApi;
import org.lawtrace.recordings.RecordingApi.RecordingView;
import org.lawtrace.recordings.RecordingApi.UploadMetadata;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Playback at a player's pace (issue 16): one audit entry per viewing and window rather than per range (ART-20,
 * ART-22), access decided once per viewer and recording for a few seconds but never beyond a revocation, and ranges
 * sent from the store's file by zero-copy with the answers players rely on.
 */
@LawTraceIntegrationTest
class PlaybackIntegrationTests {

	private static long seed = System.nanoTime();

	@LocalServerPort
	int port;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private record Uploaded(String id, byte[] bytes) {
	}

	private Uploaded upload(Object metadata) {
		var bytes = Media.mp4(Instant.now().minusSeconds(900), Duration.ofMinutes(5), 512 * 1024, seed++);
		var id = Uploads.upload(Api.as(port, "zhang.wei"), metadata, bytes, "playback.mp4")
			.expectStatus().isCreated().returnResult(RecordingView.class).getResponseBody().id();
		return new Uploaded(id, bytes);
	}

	/** A case handled by zhang.wei and li.na. */
	private String openCase() {
		return Api.as(port, "zhang.wei").post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
			.body(AccessApi.NewCase.penalty(Api.newCaseNumber(), false)).exchange().expectStatus().isCreated()
			.returnResult(AccessApi.Created.class).getResponseBody().id();
	}

	private byte[] range(String who, String id, long first, long last) {
		return Api.as(port, who).get().uri("/api/v1/recordings/{id}/content", id)
			.header("Range", "bytes=" + first + "-" + last).exchange()
			.expectStatus().isEqualTo(206)
			.expectHeader().valueMatches("Content-Range", "bytes " + first + "-" + last + "/\\d+")
			.expectBody(byte[].class).returnResult().getResponseBody();
	}

	private List<Map<String, Object>> views(String id) {
		return jdbc.sql("select actor, detail from audit_entry where subject_type = 'RECORDING' and subject_id = ? "
				+ "and action = 'VIEW' and outcome = 'SUCCESS' order by seq").param(id).query().listOfRows();
	}

	@Test
	@DisplayName("ART-20, ART-22: many Range requests of one viewing leave one entry; after the viewing window "
			+ "another summarises the ranges served since, merged; another viewer has an entry of their own")
	void oneEntryPerViewingAndWindow() {
		var recording = upload(Map.of("recordedBy", "zhang.wei", "caseId", openCase()));
		for (int i = 0; i < 20; i++) {
			assertThat(range("zhang.wei", recording.id(), i * 1000L, i * 1000L + 999))
				.isEqualTo(Arrays.copyOfRange(recording.bytes(), i * 1000, i * 1000 + 1000));
		}
		assertThat(views(recording.id())).singleElement().satisfies(view -> {
			assertThat(view.get("ACTOR")).isEqualTo("zhang.wei");
			assertThat((String) view.get("DETAIL")).startsWith("bytes 0-999/" + recording.bytes().length + "; ")
				.endsWith("viewing started");
		});

		clock.advance(Duration.ofMinutes(5));
		range("zhang.wei", recording.id(), 30_000, 30_999);
		assertThat(views(recording.id())).hasSize(2);
		assertThat((String) views(recording.id()).get(1).get("DETAIL")).startsWith("viewing continued since ")
			.endsWith(": bytes 1000-19999,30000-30999/" + recording.bytes().length + "; 20000 bytes sent in 20 requests");

		// the other handler plays it too: their own viewing, their own entry
		range("li.na", recording.id(), 0, 99);
		assertThat(views(recording.id())).extracting(v -> v.get("ACTOR")).containsExactly("zhang.wei", "zhang.wei",
				"li.na");
	}

	@Test
	@DisplayName("ART-20: a revoked grant ends the viewer's playback at once, though access decisions are kept for seconds")
	void aRevocationEndsPlaybackAtOnce() {
		var caseId = openCase();
		var recording = upload(Map.of("recordedBy", "zhang.wei", "caseId", caseId));
		var requestId = Api.as(port, "chen.jing").post().uri("/api/v1/access-requests")
			.contentType(MediaType.APPLICATION_JSON)
			.body(AccessApi.NewAccessRequest.wholeCase(caseId, "复议答复需要核对现场执法过程", 7)).exchange()
			.expectStatus().isCreated().returnResult(AccessApi.Created.class).getResponseBody().id();
		Api.as(port, "liu.yang").post().uri("/api/v1/access-requests/{id}/approval", requestId)
			.contentType(MediaType.APPLICATION_JSON).body(new AccessApi.Decision("同意")).exchange()
			.expectStatus().isOk();
		range("chen.jing", recording.id(), 0, 99);
		range("chen.jing", recording.id(), 100, 199); // within the seconds the decision is kept

		Api.as(port, "liu.yang").post().uri("/api/v1/access-requests/{id}/revocation", requestId)
			.contentType(MediaType.APPLICATION_JSON).body(new AccessApi.Revocation("不再需要")).exchange()
			.expectStatus().isOk();
		Api.as(port, "chen.jing").get().uri("/api/v1/recordings/{id}/content", recording.id())
			.header("Range", "bytes=200-299").exchange().expectStatus().isNotFound();
	}

	@Test
	@DisplayName("ART-20: the page's player route keeps a kept decision only for the same viewer and recording")
	void aKeptDecisionIsTheViewersOwn() {
		var recording = upload(UploadMetadata.by("zhang.wei"));
		range("zhang.wei", recording.id(), 0, 99);
		// a daily enforcement recording is open to its maker only: someone else is refused though zhang.wei has a pass
		Api.as(port, "li.na").get().uri("/api/v1/recordings/{id}/content", recording.id())
			.header("Range", "bytes=0-99").exchange().expectStatus().isNotFound();
	}

	@Test
	@DisplayName("ART-15: ranges sent from the file keep the answers players rely on: 206 with Content-Range and the "
			+ "ETag, the suffix range, 304 on a matching If-None-Match, 416 outside the file, and the whole file")
	void zeroCopyRangesKeepTheirAnswers() {
		var recording = upload(UploadMetadata.by("zhang.wei"));
		var size = recording.bytes().length;
		var sha = Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}", recording.id()).exchange()
			.returnResult(RecordingView.class).getResponseBody().sha256();
		Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}/content", recording.id())
			.header("Range", "bytes=" + (size - 65536) + "-").exchange()
			.expectStatus().isEqualTo(206)
			.expectHeader().valueEquals("ETag", "\"" + sha + "\"")
			.expectHeader().valueEquals("Content-Length", "65536")
			.expectHeader().valueEquals("Content-Range", "bytes " + (size - 65536) + "-" + (size - 1) + "/" + size)
			.expectBody(byte[].class).isEqualTo(Arrays.copyOfRange(recording.bytes(), size - 65536, size));
		Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}/content", recording.id())
			.header("Range", "bytes=-10").exchange().expectStatus().isEqualTo(206)
			.expectBody(byte[].class).isEqualTo(Arrays.copyOfRange(recording.bytes(), size - 10, size));
		Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}/content", recording.id())
			.header("If-None-Match", "\"" + sha + "\"").exchange().expectStatus().isNotModified();
		Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}/content", recording.id())
			.header("Range", "bytes=" + size + "-").exchange().expectStatus().isEqualTo(416)
			.expectHeader().valueEquals("Content-Range", "bytes */" + size);
		Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}/content", recording.id()).exchange()
			.expectStatus().isOk().expectBody(byte[].class).isEqualTo(recording.bytes());
	}

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?(?:content|value)=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newHttpClient();

	/** Signs in on the login form, as a browser does: the session cookie and the CSRF token of the home page. */
	private String[] signIn(String username) throws Exception {
		var login = page("/login", null);
		var signedIn = http.send(HttpRequest.newBuilder(URI.create(Api.base(port) + "/login"))
			.header("Cookie", login[0]).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + Api.PASSWORD + "&_csrf="
					+ URLEncoder.encode(login[1], StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
		var cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(v -> v.startsWith("JSESSIONID="))
			.findFirst().map(v -> v.split(";")[0]).orElseThrow();
		return page("/", cookie);
	}

	private String[] page(String path, @org.jspecify.annotations.Nullable String cookie) throws Exception {
		var request = HttpRequest.newBuilder(URI.create(Api.base(port) + path)).header("Accept", "text/html");
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		var session = response.headers().allValues("Set-Cookie").stream().filter(v -> v.startsWith("JSESSIONID="))
			.findFirst().map(v -> v.split(";")[0]).orElse(cookie);
		var token = CSRF.matcher(response.body());
		assertThat(token.find()).isTrue();
		return new String[] { session, token.group(1) };
	}

	/** A Range request on the pages' player route with the session's cookie, as a browser's video element asks. */
	private HttpResponse<byte[]> play(String cookie, String id, long first, long last) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(Api.base(port) + "/recordings/" + id + "/content"))
			.header("Cookie", cookie).header("Range", "bytes=" + first + "-" + last).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	@DisplayName("ART-20, ART-22 (ADR 0028): the player's ranges served without loading the session are logged as "
			+ "any: one entry per viewing and window, the ranges and requests counted in the next")
	void rangesServedFromTheKeptDecisionAreLogged() throws Exception {
		var recording = upload(Map.of("recordedBy", "zhang.wei", "caseId", openCase()));
		var cookie = signIn("zhang.wei")[0];
		for (int i = 0; i < 10; i++) {
			var played = play(cookie, recording.id(), i * 1000L, i * 1000L + 999);
			assertThat(played.statusCode()).isEqualTo(206);
			assertThat(played.headers().firstValue("Content-Range").orElseThrow())
				.isEqualTo("bytes " + i * 1000 + "-" + (i * 1000 + 999) + "/" + recording.bytes().length);
			assertThat(played.body()).isEqualTo(Arrays.copyOfRange(recording.bytes(), i * 1000, i * 1000 + 1000));
		}
		assertThat(views(recording.id())).singleElement().satisfies(view -> assertThat(view.get("ACTOR"))
			.isEqualTo("zhang.wei"));
		clock.advance(Duration.ofMinutes(5));
		assertThat(play(cookie, recording.id(), 20_000, 20_999).statusCode()).isEqualTo(206);
		assertThat((String) views(recording.id()).get(1).get("DETAIL"))
			.endsWith(": bytes 1000-9999,20000-20999/" + recording.bytes().length + "; 10000 bytes sent in 10 requests");
	}

	@Test
	@DisplayName("ART-20 (ADR 0028): a revocation, and signing out, end the player's playback at once, though its "
			+ "session is not loaded for each range; a session ended elsewhere plays no longer than the kept decision")
	void theLeanPathEndsWithRevocationAndSignOut() throws Exception {
		var caseId = openCase();
		var recording = upload(Map.of("recordedBy", "zhang.wei", "caseId", caseId));
		var requestId = Api.as(port, "chen.jing").post().uri("/api/v1/access-requests")
			.contentType(MediaType.APPLICATION_JSON)
			.body(AccessApi.NewAccessRequest.wholeCase(caseId, "复议答复需要核对现场执法过程", 7)).exchange()
			.expectStatus().isCreated().returnResult(AccessApi.Created.class).getResponseBody().id();
		Api.as(port, "liu.yang").post().uri("/api/v1/access-requests/{id}/approval", requestId)
			.contentType(MediaType.APPLICATION_JSON).body(new AccessApi.Decision("同意")).exchange()
			.expectStatus().isOk();
		var chen = signIn("chen.jing")[0];
		assertThat(play(chen, recording.id(), 0, 99).statusCode()).isEqualTo(206);
		assertThat(play(chen, recording.id(), 100, 199).statusCode()).isEqualTo(206);
		Api.as(port, "liu.yang").post().uri("/api/v1/access-requests/{id}/revocation", requestId)
			.contentType(MediaType.APPLICATION_JSON).body(new AccessApi.Revocation("不再需要")).exchange()
			.expectStatus().isOk();
		assertThat(play(chen, recording.id(), 200, 299).statusCode()).isEqualTo(404);

		// signing out ends the session's playback at once
		var zhang = signIn("zhang.wei");
		assertThat(play(zhang[0], recording.id(), 0, 99).statusCode()).isEqualTo(206);
		var signedOut = http.send(HttpRequest.newBuilder(URI.create(Api.base(port) + "/logout"))
			.header("Cookie", zhang[0]).header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(zhang[1], StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(signedOut.headers().firstValue("Location").orElse("")).contains("/login?logout");
		assertThat(play(zhang[0], recording.id(), 100, 199).statusCode()).isNotEqualTo(206);

		// a session ended where this instance hears nothing of it (another instance, an expiry): the session is not
		// loaded for each range, so it plays on for what is left of the kept decision, and no longer
		var again = signIn("zhang.wei")[0];
		assertThat(play(again, recording.id(), 0, 99).statusCode()).isEqualTo(206);
		var sessionId = new String(java.util.Base64.getDecoder().decode(again.substring("JSESSIONID=".length())),
				StandardCharsets.UTF_8);
		assertThat(jdbc.sql("delete from cluster_session where session_id = ?").param(sessionId).update()).isOne();
		assertThat(play(again, recording.id(), 100, 199).statusCode()).as("from the kept decision").isEqualTo(206);
		clock.advance(Duration.ofSeconds(5));
		assertThat(play(again, recording.id(), 200, 299).statusCode()).isNotEqualTo(206);
	}
}
