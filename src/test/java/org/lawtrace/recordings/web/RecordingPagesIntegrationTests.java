package org.lawtrace.recordings.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.Uploads;
import org.lawtrace.shared.BureauTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The recording pages over plain HTTP on the pages' security chain (session, CSRF), not the API's: the same roles
 * and the same content rule as the API, Range playback, htmx fragments, and the upload route's CSRF protection.
 */
@LawTraceIntegrationTest
class RecordingPagesIntegrationTests {

	private static final AtomicLong SEED = new AtomicLong(System.nanoTime());
	private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	BureauTime time;

	private RestTestClient.ResponseSpec page(String username, String path) {
		return Api.as(port, username).get().uri(path).accept(MediaType.TEXT_HTML).exchange();
	}

	/** A photo taken an hour ago, uploaded through the API by zhang.wei and linked to nothing. */
	private Map<?, ?> photo() {
		var taken = LocalDateTime.ofInstant(time.now().minus(Duration.ofHours(1)), time.zone()).withNano(0);
		return Uploads.upload(Api.as(port, "zhang.wei"), Map.of("recordedBy", "zhang.wei"),
				Media.jpeg(taken, 29.289, 120.241, SEED.incrementAndGet()), "IMG_" + SEED.get() + ".jpg")
			.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
	}

	/** A case of zhang.wei and li.na with a seizure stage, and a video of it uploaded by li.na. */
	private record Filmed(String caseId, String caseNumber, String recordingId, byte[] bytes) {
	}

	private Filmed filmedSeizure() {
		var number = Api.newCaseNumber();
		var caseId = Api.openCase(port, number);
		var start = time.local(time.now().minus(Duration.ofHours(3))).withNano(0);
		var stageId = Api.as(port, "zhang.wei").post().uri("/api/v1/cases/{id}/stages", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("kind", "SEIZURE", "startedAt", start.toString(), "present", List.of("zhang.wei", "li.na")))
			.exchange().expectStatus().isCreated()
			.returnResult(Map.class).getResponseBody().get("id").toString();
		var bytes = Media.mp4(start.toInstant(), Duration.ofMinutes(20), 64 * 1024 + 5, SEED.incrementAndGet());
		var id = Uploads.upload(Api.as(port, "li.na"), Map.of("recordedBy", "li.na", "caseId", caseId, "stageIds",
				List.of(stageId)), bytes, "DSJ_" + SEED.get() + ".MP4")
			.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
		return new Filmed(caseId, number, id, bytes);
	}

	@Test
	@DisplayName("ART-20: the recording pages are read by every role the API lets read recordings, and refused to "
			+ "the administrator; only officers, assistants and custodians get the upload page")
	void recordingPagesFollowTheApisRoles() {
		var recording = photo();
		var id = recording.get("id");
		for (var reader : List.of("zhang.wei", "wang.qiang", "zhao.min", "chen.jing", "liu.yang", "sun.li",
				"zhou.tao")) {
			page(reader, "/recordings").expectStatus().isOk();
		}
		// ART-20: the page of an unlinked photo shows to its maker and the custodian; to the others it does not exist
		for (var reader : List.of("zhang.wei", "zhao.min")) {
			page(reader, "/recordings/" + id).expectStatus().isOk()
				.expectBody(String.class).value(html -> assertThat(html).as(reader)
					.contains(recording.get("originalName").toString(), recording.get("sha256").toString()));
		}
		for (var stranger : List.of("wang.qiang", "chen.jing", "liu.yang", "sun.li", "zhou.tao")) {
			page(stranger, "/recordings/" + id).expectStatus().isNotFound()
				.expectBody(String.class).value(html -> assertThat(html).as(stranger).contains("error-page")
					.doesNotContain(recording.get("sha256").toString(), recording.get("originalName").toString()));
		}
		for (var path : List.of("/recordings", "/recordings/" + id, "/recordings/" + id + "/content",
				"/recordings/upload")) {
			page("admin", path).expectStatus().isForbidden()
				.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
				.expectBody(String.class).value(html -> assertThat(html).contains("error-page")
					.doesNotContain(recording.get("sha256").toString()));
		}
		for (var uploader : List.of("zhang.wei", "wang.qiang", "zhao.min")) {
			page(uploader, "/recordings/upload").expectStatus().isOk();
		}
		for (var other : List.of("chen.jing", "liu.yang", "zhou.tao")) {
			page(other, "/recordings/upload").expectStatus().isForbidden();
		}
	}

	@Test
	@DisplayName("The page's player gets exactly the bytes asked for with HTTP Range, over the session chain")
	void playsTheOriginalWithRange() {
		var filmed = filmedSeizure();
		var bytes = filmed.bytes();
		var content = "/recordings/" + filmed.recordingId() + "/content";
		Api.as(port, "zhang.wei").get().uri(content).header(HttpHeaders.RANGE, "bytes=1000-1999").exchange()
			.expectStatus().isEqualTo(206)
			.expectHeader().contentType("video/mp4")
			.expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes 1000-1999/" + bytes.length)
			.expectBody(byte[].class).isEqualTo(Arrays.copyOfRange(bytes, 1000, 2000));
		Api.as(port, "li.na").get().uri(content).header(HttpHeaders.RANGE, "bytes=-7").exchange()
			.expectStatus().isEqualTo(206)
			.expectBody(byte[].class).isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 7, bytes.length));
		Api.as(port, "li.na").get().uri(content).exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.ACCEPT_RANGES, "bytes")
			.expectBody(byte[].class).isEqualTo(bytes);
	}

	@Test
	@DisplayName("ART-20: content not open to someone is refused with the error page, and their page shows no player")
	void contentIsRefusedToThoseItIsNotOpenTo() {
		var filmed = filmedSeizure();
		page("zhou.tao", "/recordings/" + filmed.recordingId() + "/content").expectStatus().isNotFound()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class).value(html -> assertThat(html).contains("error-page"));
		// the custodian sees the page (ART-13) without a player; the discipline unit, without a grant, not even that
		page("zhao.min", "/recordings/" + filmed.recordingId()).expectStatus().isOk()
			.expectBody(String.class).value(html -> assertThat(html).contains("content-closed", filmed.caseNumber())
				.doesNotContain("<video"));
		page("zhou.tao", "/recordings/" + filmed.recordingId()).expectStatus().isNotFound();
		page("zhang.wei", "/recordings/" + filmed.recordingId()).expectStatus().isOk()
			.expectBody(String.class).value(html -> assertThat(html).contains("<video")
				.contains("src=\"/recordings/" + filmed.recordingId() + "/content\"").doesNotContain("content-closed"));
	}

	@Test
	@DisplayName("ART-15.1, ART-15.2: the list marks a recording stored after its deadline as late and one linked "
			+ "to no case as a daily enforcement record")
	void listMarksLateAndUnlinkedRecordings() {
		var ended = time.now().minus(Duration.ofDays(3)).minus(Duration.ofHours(1));
		var id = Uploads.upload(Api.as(port, "zhang.wei"), Map.of("recordedBy", "zhang.wei", "startedAt",
				ended.minusSeconds(5).toString(), "endedAt", ended.toString()), Media.wav(5), "late.wav")
			.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
		Api.as(port, "zhang.wei").get()
			.uri(u -> u.path("/recordings").queryParam("unlinked", true).queryParam("kind", "AUDIO").build())
			.header("HX-Request", "true").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).value(html -> {
				var row = html.substring(html.indexOf("data-recording=\"" + id + "\""));
				row = row.substring(0, row.indexOf("</tr>"));
				assertThat(row).contains("日常执法记录（未关联）").containsPattern("逾期 [12] 天");
			});
	}

	@Test
	@DisplayName("htmx gets just the list's results or the case page's section; a browser gets whole pages")
	void answersHtmxWithFragmentsAndBrowsersWithWholePages() {
		var filmed = filmedSeizure();
		Api.as(port, "zhang.wei").get()
			.uri(u -> u.path("/recordings").queryParam("caseNumber", filmed.caseNumber()).build())
			.header("HX-Request", "true").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).value(html -> assertThat(html.strip()).startsWith("<div id=\"results\">")
				.contains(filmed.recordingId(), "东阳市示例食品有限公司").doesNotContain("<html"));
		Api.as(port, "zhang.wei").get()
			.uri(u -> u.path("/recordings").queryParam("caseNumber", filmed.caseNumber()).build())
			.accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk()
			.expectBody(String.class).value(html -> assertThat(html).contains("<html", "recording-search",
					filmed.recordingId()));

		Api.as(port, "zhang.wei").get().uri("/recordings/fragments/case/{id}", filmed.caseId())
			.header("HX-Request", "true").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).value(html -> assertThat(html.strip()).startsWith("<section id=\"recordings\"")
				.contains("data-kind=\"SEIZURE\"", filmed.recordingId()).doesNotContain("<html"));
		// ART-20: a deputy director without a grant learns how many there are, and where to ask, and nothing else
		Api.as(port, "liu.yang").get().uri("/recordings/fragments/case/{id}", filmed.caseId())
			.header("HX-Request", "true").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).value(html -> assertThat(html).contains("hidden-recordings",
					"/access/requests/new?caseId=" + filmed.caseId()).doesNotContain(filmed.recordingId()));
		Api.as(port, "liu.yang").get()
			.uri(u -> u.path("/recordings").queryParam("caseNumber", filmed.caseNumber()).build())
			.header("HX-Request", "true").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).value(html -> assertThat(html).doesNotContain(filmed.recordingId()));
		// someone who opens the section's address by hand is sent to the case page it belongs on
		Api.as(port, "liu.yang").get().uri("/recordings/fragments/case/{id}", filmed.caseId())
			.accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isFound()
			.expectHeader().valueMatches(HttpHeaders.LOCATION, ".*/cases/" + filmed.caseId() + "#recordings");
	}

	@Test
	@DisplayName("The case picker offers the cases whose numbers contain what was typed, and the stages of the one "
			+ "whose whole number it is")
	void casePickerOffersMatchesThenTheChosenCasesStages() {
		var filmed = filmedSeizure();
		var number = filmed.caseNumber();
		picker(number.substring(0, number.length() - 2))
			.value(html -> assertThat(html).contains("choose-case", number).doesNotContain("name=\"stageIds\""));
		picker(number)
			.value(html -> assertThat(html).contains("value=\"" + filmed.caseId() + "\"", "data-kind=\"SEIZURE\"")
				.doesNotContain("choose-case"));
		picker("不存在的案号").value(html -> assertThat(html).contains("没有案号包含“不存在的案号”的案件"));
	}

	private org.springframework.test.web.servlet.client.RestTestClient.BodySpec<String, ?> picker(String typed) {
		return Api.as(port, "wang.qiang").get()
			.uri(u -> u.path("/recordings/fragments/case-picker").queryParam("caseNumber", typed).build())
			.header("HX-Request", "true").exchange()
			.expectStatus().isOk()
			.expectBody(String.class);
	}

	@Test
	@DisplayName("ART-15.1: the upload page's routes check a description and take the streamed multipart with the "
			+ "page's CSRF token, read its times as the bureau's, answer refusals as problem+json, and refuse a post "
			+ "without the token")
	void uploadRouteNeedsTheCsrfToken() throws Exception {
		var form = Api.as(port, "wang.qiang").get().uri("/recordings/upload").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk()
			.returnResult(String.class);
		var session = form.getResponseHeaders().get(HttpHeaders.SET_COOKIE).stream()
			.filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow().split(";")[0];
		var matcher = CSRF.matcher(form.getResponseBody());
		assertThat(matcher.find()).as("the page carries the CSRF token for its script").isTrue();
		var token = matcher.group(1);

		var started = time.today().minusDays(1).atTime(9, 30);
		Api.as(port, "wang.qiang").post().uri("/recordings/upload/check").header(HttpHeaders.COOKIE, session)
			.header("X-CSRF-TOKEN", token).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("recordedBy", "wang.qiang", "deviceSerial", "记录仪/1")).exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("deviceSerial");
		Api.as(port, "wang.qiang").post().uri("/recordings/upload/check").header(HttpHeaders.COOKIE, session)
			.header("X-CSRF-TOKEN", token).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("recordedBy", "wang.qiang", "startedAt", started.toString())).exchange()
			.expectStatus().isNoContent();

		// a length no other test uploads, so these bytes are new here
		var voice = Media.wav(11);
		Api.as(port, "wang.qiang").post().uri("/recordings/upload").header(HttpHeaders.COOKIE, session)
			.header("X-CSRF-TOKEN", token).contentType(MediaType.MULTIPART_FORM_DATA)
			.body(multipart(Map.of("recordedBy", "wang.qiang", "startedAt", started.toString()), voice, "voice.wav"))
			.exchange()
			.expectStatus().isCreated()
			.expectHeader().valueMatches(HttpHeaders.LOCATION, "/recordings/[0-9a-f-]{36}")
			.expectBody()
			.jsonPath("$.sha256").isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(voice)))
			.jsonPath("$.startedAt").value(String.class, at -> assertThat(OffsetDateTime.parse(at).toInstant())
				.isEqualTo(started.atZone(time.zone()).toInstant()))
			.jsonPath("$.channel").isEqualTo("UPLOAD");

		Api.as(port, "wang.qiang").post().uri("/recordings/upload").header(HttpHeaders.COOKIE, session)
			.header("X-CSRF-TOKEN", token).contentType(MediaType.MULTIPART_FORM_DATA)
			.body(multipart(Map.of("recordedBy", "wang.qiang"), Media.executable(), "camera.mp4"))
			.exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.field").isEqualTo("file");

		Api.as(port, "wang.qiang").post().uri("/recordings/upload").header(HttpHeaders.COOKIE, session)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(multipart(Map.of("recordedBy", "wang.qiang", "startedAt", started.toString()), Media.wav(12),
					"voice.wav"))
			.exchange()
			.expectStatus().isForbidden();
	}

	private static org.springframework.util.MultiValueMap<String, org.springframework.http.HttpEntity<?>> multipart(
			Map<String, ?> metadata, byte[] file, String fileName) {
		var body = new MultipartBodyBuilder();
		body.part("metadata", metadata, MediaType.APPLICATION_JSON);
		body.part("file", new ByteArrayResource(file)).filename(fileName)
			.contentType(MediaType.APPLICATION_OCTET_STREAM);
		return body.build();
	}
}
