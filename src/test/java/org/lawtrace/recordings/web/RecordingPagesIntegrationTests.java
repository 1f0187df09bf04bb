package org.lawtrace.recordings.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.Page;
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

	@LocalServerPort
	int port;

	@Autowired
	BureauTime time;

	private RestTestClient.ResponseSpec page(String username, String path) {
		return Api.as(port, username).get().uri(path).accept(MediaType.TEXT_HTML).exchange();
	}

	/** An upload's metadata part; what is null is left out. */
	private record Metadata(String recordedBy, String caseId, List<String> stageIds, String startedAt, String endedAt,
			String deviceSerial) {

		static Metadata by(String username) {
			return new Metadata(username, null, null, null, null, null);
		}
	}

	/** A stage as the cases API records it. */
	private record Stage(String kind, String startedAt, List<String> present) {
	}

	/** What the API answers about what it stored (a recording, or a stage: then only its id), as far as read here. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	private record Stored(String id, String originalName, String sha256) {
	}

	/** A photo taken an hour ago, uploaded through the API by zhang.wei and linked to nothing. */
	private Stored photo() {
		var taken = LocalDateTime.ofInstant(time.now().minus(Duration.ofHours(1)), time.zone()).withNano(0);
		return Uploads.upload(Api.as(port, "zhang.wei"), Page.fieldsOf(Metadata.by("zhang.wei")),
				Media.jpeg(taken, 29.289, 120.241, SEED.incrementAndGet()), "IMG_" + SEED.get() + ".jpg")
			.expectStatus().isCreated().expectBody(Stored.class).returnResult().getResponseBody();
	}

	private Page whole(RestTestClient.ResponseSpec response) {
		return Page.of(response.expectBody(String.class).returnResult().getResponseBody());
	}

	private Page fragment(RestTestClient.ResponseSpec response) {
		return Page.fragment(response.expectBody(String.class).returnResult().getResponseBody());
	}

	/** The error page, which shows none of these. */
	private static void errorPage(Page page, String... hidden) {
		page.one("main#error-page");
		page.lacks(hidden);
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
			.body(new Stage("SEIZURE", start.toString(), List.of("zhang.wei", "li.na")))
			.exchange().expectStatus().isCreated()
			.returnResult(Stored.class).getResponseBody().id();
		var bytes = Media.mp4(start.toInstant(), Duration.ofMinutes(20), 64 * 1024 + 5, SEED.incrementAndGet());
		var id = Uploads.upload(Api.as(port, "li.na"),
				Page.fieldsOf(new Metadata("li.na", caseId, List.of(stageId), null, null, null)), bytes,
				"DSJ_" + SEED.get() + ".MP4")
			.expectStatus().isCreated().expectBody(Stored.class).returnResult().getResponseBody().id();
		return new Filmed(caseId, number, id, bytes);
	}

	@Test
	@DisplayName("ART-20: the recording pages are read by every role the API lets read recordings, and refused to "
			+ "the administrator; only officers, assistants and custodians get the upload page")
	void recordingPagesFollowTheApisRoles() {
		var recording = photo();
		var id = recording.id();
		for (var reader : List.of("zhang.wei", "wang.qiang", "zhao.min", "chen.jing", "liu.yang", "sun.li",
				"zhou.tao")) {
			page(reader, "/recordings").expectStatus().isOk();
		}
		// ART-20: the page of an unlinked photo shows to its maker and the custodian; to the others it does not exist
		for (var reader : List.of("zhang.wei", "zhao.min")) {
			var page = whole(page(reader, "/recordings/" + id).expectStatus().isOk());
			assertThat(page.text("h1#recording-name")).as(reader).isEqualTo(recording.originalName());
			assertThat(page.text("#recording-sha256")).as(reader).isEqualTo(recording.sha256());
			// the recorder by name, as staff call each other; never by login name
			assertThat(page.text("#recording-recorded-by")).as(reader).isEqualTo("张伟");
		}
		for (var stranger : List.of("wang.qiang", "chen.jing", "liu.yang", "sun.li", "zhou.tao")) {
			errorPage(whole(page(stranger, "/recordings/" + id).expectStatus().isNotFound()), recording.sha256(),
					recording.originalName());
		}
		for (var path : List.of("/recordings", "/recordings/" + id, "/recordings/" + id + "/content",
				"/recordings/upload")) {
			errorPage(whole(page("admin", path).expectStatus().isForbidden()
				.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)), recording.sha256());
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
		errorPage(whole(page("zhou.tao", "/recordings/" + filmed.recordingId() + "/content").expectStatus().isNotFound()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)));
		// the custodian sees the page (ART-13) without a player; the discipline unit, without a grant, not even that
		var custodians = whole(page("zhao.min", "/recordings/" + filmed.recordingId()).expectStatus().isOk());
		assertThat(custodians.text(".player .content-closed")).isNotBlank();
		assertThat(custodians.text("#recording-labels a.label-case")).isEqualTo(filmed.caseNumber());
		custodians.none("video").lacks("<video");
		page("zhou.tao", "/recordings/" + filmed.recordingId()).expectStatus().isNotFound();
		var handlers = whole(page("zhang.wei", "/recordings/" + filmed.recordingId()).expectStatus().isOk());
		assertThat(handlers.one(".player video.recording-media").attr("src"))
			.isEqualTo("/recordings/" + filmed.recordingId() + "/content");
		handlers.noClass("content-closed");
	}

	@Test
	@DisplayName("ART-15.1, ART-15.2: the list marks a recording stored after its deadline as late and one linked "
			+ "to no case as a daily enforcement record")
	void listMarksLateAndUnlinkedRecordings() {
		var ended = time.now().minus(Duration.ofDays(3)).minus(Duration.ofHours(1));
		var id = Uploads.upload(Api.as(port, "zhang.wei"), Page.fieldsOf(new Metadata("zhang.wei", null, null,
				ended.minusSeconds(5).toString(), ended.toString(), null)), Media.wav(5), "late.wav")
			.expectStatus().isCreated().expectBody(Stored.class).returnResult().getResponseBody().id();
		var results = fragment(Api.as(port, "zhang.wei").get()
			.uri(u -> u.path("/recordings").queryParam("unlinked", true).queryParam("kind", "AUDIO").build())
			.header("HX-Request", "true").exchange()
			.expectStatus().isOk());
		var row = results.one("tr.recording-row[data-recording=" + id + "]");
		assertThat(row.select(".unlinked-badge").text()).isEqualTo("日常执法记录（未关联）");
		assertThat(row.select(".late-badge").text()).matches("逾期 [12] 天");
	}

	@Test
	@DisplayName("htmx gets just the list's results or the case page's section; a browser gets whole pages")
	void answersHtmxWithFragmentsAndBrowsersWithWholePages() {
		var filmed = filmedSeizure();
		var results = fragment(Api.as(port, "zhang.wei").get()
			.uri(u -> u.path("/recordings").queryParam("caseNumber", filmed.caseNumber()).build())
			.header("HX-Request", "true").exchange()
			.expectStatus().isOk());
		assertThat(results.root().is("div#results")).isTrue();
		assertThat(results.all("tr.recording-row").eachAttr("data-recording")).containsExactly(filmed.recordingId());
		assertThat(results.text("tr.recording-row .label-parties")).isEqualTo("东阳市示例食品有限公司");
		var list = whole(Api.as(port, "zhang.wei").get()
			.uri(u -> u.path("/recordings").queryParam("caseNumber", filmed.caseNumber()).build())
			.accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk());
		assertThat(list.one("form#recording-search input[name=caseNumber]").val()).isEqualTo(filmed.caseNumber());
		assertThat(list.all("#results tr.recording-row").eachAttr("data-recording")).containsExactly(filmed.recordingId());

		var section = fragment(Api.as(port, "zhang.wei").get().uri("/recordings/fragments/case/{id}", filmed.caseId())
			.header("HX-Request", "true").exchange()
			.expectStatus().isOk());
		assertThat(section.root().is("section#recordings")).isTrue();
		assertThat(section.one("div.recording-group[data-kind=SEIZURE]").select(".recording-card")
			.eachAttr("data-recording")).containsExactly(filmed.recordingId());
		// ART-20: a deputy director without a grant learns how many there are, and where to ask, and nothing else
		var hidden = fragment(Api.as(port, "liu.yang").get().uri("/recordings/fragments/case/{id}", filmed.caseId())
			.header("HX-Request", "true").exchange()
			.expectStatus().isOk());
		assertThat(hidden.id("hidden-recordings").select("a").eachAttr("href"))
			.containsExactly("/access/requests/new?caseId=" + filmed.caseId());
		hidden.none(".recording-card").lacks(filmed.recordingId());
		fragment(Api.as(port, "liu.yang").get()
			.uri(u -> u.path("/recordings").queryParam("caseNumber", filmed.caseNumber()).build())
			.header("HX-Request", "true").exchange()
			.expectStatus().isOk()).none("tr.recording-row").lacks(filmed.recordingId());
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
		var matches = picker(number.substring(0, number.length() - 2));
		assertThat(matches.all("button.choose-case").eachAttr("data-case-number")).contains(number);
		assertThat(matches.all("ul.case-matches li span:first-of-type").eachText()).contains(number);
		matches.none("[name=stageIds]").lacks("name=\"stageIds\"");
		var chosen = picker(number);
		assertThat(chosen.one("input[type=hidden][name=caseId]").val()).isEqualTo(filmed.caseId());
		assertThat(chosen.all("input[type=checkbox][name=stageIds]").eachAttr("data-kind")).containsExactly("SEIZURE");
		chosen.noClass("choose-case");
		assertThat(picker("不存在的案号").root().text()).isEqualTo("没有案号包含“不存在的案号”的案件");
	}

	private Page picker(String typed) {
		return fragment(Api.as(port, "wang.qiang").get()
			.uri(u -> u.path("/recordings/fragments/case-picker").queryParam("caseNumber", typed).build())
			.header("HX-Request", "true").exchange()
			.expectStatus().isOk());
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
		// the page carries the CSRF token for its script
		var token = Page.of(form.getResponseBody()).csrfToken();

		var started = time.today().minusDays(1).atTime(9, 30);
		Api.as(port, "wang.qiang").post().uri("/recordings/upload/check").header(HttpHeaders.COOKIE, session)
			.header("X-CSRF-TOKEN", token).contentType(MediaType.APPLICATION_JSON)
			.body(Page.fieldsOf(new Metadata("wang.qiang", null, null, null, null, "记录仪/1"))).exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("deviceSerial");
		Api.as(port, "wang.qiang").post().uri("/recordings/upload/check").header(HttpHeaders.COOKIE, session)
			.header("X-CSRF-TOKEN", token).contentType(MediaType.APPLICATION_JSON)
			.body(Page.fieldsOf(new Metadata("wang.qiang", null, null, started.toString(), null, null))).exchange()
			.expectStatus().isNoContent();

		// a length no other test uploads, so these bytes are new here
		var voice = Media.wav(11);
		Api.as(port, "wang.qiang").post().uri("/recordings/upload").header(HttpHeaders.COOKIE, session)
			.header("X-CSRF-TOKEN", token).contentType(MediaType.MULTIPART_FORM_DATA)
			.body(multipart(new Metadata("wang.qiang", null, null, started.toString(), null, null), voice, "voice.wav"))
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
			.body(multipart(Metadata.by("wang.qiang"), Media.executable(), "camera.mp4"))
			.exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.field").isEqualTo("file");

		Api.as(port, "wang.qiang").post().uri("/recordings/upload").header(HttpHeaders.COOKIE, session)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(multipart(new Metadata("wang.qiang", null, null, started.toString(), null, null), Media.wav(12),
					"voice.wav"))
			.exchange()
			.expectStatus().isForbidden();
	}

	private static org.springframework.util.MultiValueMap<String, org.springframework.http.HttpEntity<?>> multipart(
			Metadata metadata, byte[] file, String fileName) {
		var body = new MultipartBodyBuilder();
		body.part("metadata", Page.fieldsOf(metadata), MediaType.APPLICATION_JSON);
		body.part("file", new ByteArrayResource(file)).filename(fileName)
			.contentType(MediaType.APPLICATION_OCTET_STREAM);
		return body.build();
	}
}
