package org.lawtrace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.cases.CaseApi;
import org.lawtrace.cases.CaseApi.NewParty;
import org.lawtrace.collector.TusClient;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.RecordingApi.RecordingPage;
import org.lawtrace.recordings.RecordingApi.UploadMetadata;
import org.lawtrace.recordings.Uploads;
import org.lawtrace.storage.TwinDigestTestAccess;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.util.LinkedMultiValueMap;

/**
 * What a careless or hostile client sends is refused with problem+json naming what is wrong, never a 500, never
 * silently half taken (ART-15.1's upload facts, ART-22's integrity of what is recorded).
 */
@LawTraceIntegrationTest
class HttpHygieneIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	@DisplayName("ART-22: a body in an unsupported Content-Type is 415 naming the type got and those accepted, on every "
			+ "JSON endpoint")
	void unsupportedMediaTypesAre415() {
		var someId = UUID.randomUUID();
		for (var path : List.of("/api/v1/cases", "/api/v1/access-requests", "/api/v1/cases/" + someId + "/stages",
				"/api/v1/recordings/" + someId + "/revisions", "/api/v1/staff/me/tokens")) {
			for (var type : List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML)) {
				Api.as(port, "zhang.wei").post().uri(path).contentType(type).body("<title>案</title>").exchange()
					.expectStatus().isEqualTo(415)
					.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
					.expectBody()
					.jsonPath("$.field").isEqualTo("Content-Type")
					.jsonPath("$.contentType").value(String.class, got -> assertThat(got).startsWith(type.toString()))
					.jsonPath("$.accepted").value(List.class, accepted -> assertThat(accepted).contains("application/json"));
			}
		}
	}

	@Test
	@DisplayName("ART-22: an Accept header no answer meets is 406 naming Accept, not 500")
	void unacceptableAcceptIs406() {
		Api.as(port, "zhang.wei").get().uri("/api/v1/cases").accept(MediaType.APPLICATION_XML).exchange()
			.expectStatus().isEqualTo(406)
			.expectBody().jsonPath("$.field").isEqualTo("Accept");
	}

	@Test
	@DisplayName("ART-22: a NUL or another control character in a case title is 422 naming title, and nothing is stored")
	void controlCharactersInTextAreRefused() {
		for (var title : List.of("东阳市示例\u0000食品案", "案\u001b[2J", "案\u0085")) {
			var body = CaseApi.penaltyCase(Api.newCaseNumber()).withTitle(title);
			Api.as(port, "zhang.wei").post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON).body(body)
				.exchange()
				.expectStatus().isEqualTo(422)
				.expectBody().jsonPath("$.field").isEqualTo("title");
		}
		var body = CaseApi.penaltyCase(Api.newCaseNumber())
			.withParties(new NewParty("ORGANIZATION", "东阳\u0007公司", "91330783MA2HX7Q5PJ"));
		Api.as(port, "zhang.wei").post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON).body(body)
			.exchange()
			.expectStatus().isEqualTo(422)
			.expectBody().jsonPath("$.field").isEqualTo("parties[0].name");
		// query parameters too
		Api.as(port, "zhang.wei").get().uri("/api/v1/cases?party={party}", "东阳\u0000").exchange()
			.expectStatus().isEqualTo(422)
			.expectBody().jsonPath("$.field").isEqualTo("party");
	}

	@Test
	@DisplayName("ART-15.1: startedAt in year -999999999 is refused naming startedAt (no daysLate of 365243239952)")
	void absurdTimesAreRefused() throws Exception {
		var wav = Media.wav(2);
		Uploads.upload(Api.as(port, "zhang.wei"),
				UploadMetadata.by("zhang.wei").startedAt("-999999999-01-01T00:00:00+08:00"), wav, "音频.wav")
			.expectStatus().isEqualTo(422)
			.expectBody().jsonPath("$.field").isEqualTo("startedAt");
		Uploads.upload(Api.as(port, "zhang.wei"), UploadMetadata.by("zhang.wei")
			.startedAt("2026-03-01T08:00:00+08:00").endedAt("2999-01-01T00:00:00+08:00"), wav, "音频.wav")
			.expectStatus().isEqualTo(422)
			.expectBody().jsonPath("$.field").isEqualTo("endedAt");

		var tus = new TusClient(URI.create(Api.base(port)), basic("zhang.wei"));
		org.assertj.core.api.Assertions.assertThatExceptionOfType(TusClient.Refused.class)
			.isThrownBy(() -> tus.create(wav.length, Map.of("filename", "a.wav", "recordedBy", "zhang.wei",
					"startedAt", "1900-01-01T00:00:00+08:00")))
			.satisfies(e -> assertThat(e.status()).isEqualTo(422))
			.withMessageContaining("startedAt");
	}

	@Test
	@DisplayName("ART-22: a second file part is refused with 400 naming file, and neither file is stored")
	void aRepeatedFilePartIsRefused() {
		var first = Media.mp4(Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS),
				Duration.ofMinutes(1), 64 * 1024, System.nanoTime());
		var second = Media.mp4(Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS),
				Duration.ofMinutes(1), 64 * 1024, System.nanoTime());
		var body = new MultipartBodyBuilder();
		body.part("metadata", UploadMetadata.by("zhang.wei"), MediaType.APPLICATION_JSON);
		body.part("file", new ByteArrayResource(first)).filename("a.mp4").contentType(MediaType.APPLICATION_OCTET_STREAM);
		body.part("file", new ByteArrayResource(second)).filename("b.mp4").contentType(MediaType.APPLICATION_OCTET_STREAM);
		Api.as(port, "zhang.wei").post().uri("/api/v1/recordings").contentType(MediaType.MULTIPART_FORM_DATA)
			.body(body.build()).exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("file");
		assertThat(recordingsWith(TwinDigestTestAccess.sha256(first))).isZero();
		assertThat(recordingsWith(TwinDigestTestAccess.sha256(second))).isZero();

		var twoMetadata = new MultipartBodyBuilder();
		twoMetadata.part("metadata", UploadMetadata.by("zhang.wei"), MediaType.APPLICATION_JSON);
		twoMetadata.part("metadata", UploadMetadata.by("li.na"), MediaType.APPLICATION_JSON);
		twoMetadata.part("file", new ByteArrayResource(first)).filename("a.mp4")
			.contentType(MediaType.APPLICATION_OCTET_STREAM);
		Api.as(port, "zhang.wei").post().uri("/api/v1/recordings").contentType(MediaType.MULTIPART_FORM_DATA)
			.body(twoMetadata.build()).exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("metadata");
	}

	@Test
	@DisplayName("ART-22: a tus Upload-Length of 10^20 or over the limit is 413, never an upload of deferred length")
	void tusLengthsOverTheMaximumAre413() throws Exception {
		for (var length : List.of("100000000000000000000", "68719476737")) {
			var response = http.send(tus("/api/v1/uploads").header("Upload-Length", length)
				.header("Upload-Metadata", "filename " + b64("a.mp4") + ",recordedBy " + b64("zhang.wei"))
				.POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(length).isEqualTo(413);
			assertThat(response.headers().firstValue("Location")).isEmpty();
			assertThat(response.body()).contains("\"field\":\"Upload-Length\"");
		}
		var negative = http.send(tus("/api/v1/uploads").header("Upload-Length", "-5")
			.header("Upload-Metadata", "filename " + b64("a.mp4") + ",recordedBy " + b64("zhang.wei"))
			.POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(negative.statusCode()).isEqualTo(400);
		assertThat(negative.headers().firstValue("Location")).isEmpty();
	}

	@Test
	@DisplayName("ART-15.1: tus X-HTTP-Method-Override is the method, as tus 1.0 says: POST + PATCH appends, POST + HEAD "
			+ "tells the offset")
	void tusMethodOverrideIsHonoured() throws Exception {
		var bytes = Media.mp4(Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS),
				Duration.ofMinutes(1), 256 * 1024, System.nanoTime());
		var upload = new TusClient(URI.create(Api.base(port)), basic("zhang.wei"))
			.create(bytes.length, Map.of("filename", "override.mp4", "recordedBy", "zhang.wei"));

		var half = bytes.length / 2;
		var patched = http.send(tus(upload.getPath()).header("X-HTTP-Method-Override", "PATCH")
			.header("Upload-Offset", "0").header("Content-Type", "application/offset+octet-stream")
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes, 0, half)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(patched.statusCode()).as(patched.body()).isEqualTo(204);
		assertThat(patched.headers().firstValue("Upload-Offset")).contains(Integer.toString(half));

		var head = http.send(tus(upload.getPath()).header("X-HTTP-Method-Override", "HEAD")
			.POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
		assertThat(head.headers().firstValue("Upload-Offset")).contains(Integer.toString(half));

		var rest = http.send(tus(upload.getPath()).header("X-HTTP-Method-Override", "PATCH")
			.header("Upload-Offset", Integer.toString(half)).header("Content-Type", "application/offset+octet-stream")
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes, half, bytes.length - half)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(rest.statusCode()).as(rest.body()).isEqualTo(204);
		assertThat(rest.headers().firstValue("Recording-Sha256")).contains(TwinDigestTestAccess.sha256(bytes));
		assertThat(recordingsWith(TwinDigestTestAccess.sha256(bytes))).isEqualTo(1);
	}

	@Test
	@DisplayName("ART-22: a page's form field with a control character is refused with the error page in Chinese")
	void pageFormsRefuseControlCharacters() {
		var caseId = Api.openCase(port, Api.newCaseNumber());
		var page = Api.as(port, "chen.jing").get().uri("/access/requests/new?caseId=" + caseId)
			.accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk().returnResult(String.class);
		var cookie = page.getResponseHeaders().get(HttpHeaders.SET_COOKIE).stream()
			.filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow().split(";")[0];
		var csrf = CSRF.matcher(page.getResponseBody());
		assertThat(csrf.find()).isTrue();
		var form = new LinkedMultiValueMap<String, String>();
		form.add("caseId", caseId);
		form.add("scope", "CASE");
		form.add("purpose", "核对\u0000扣押过程");
		form.add("days", "3");
		form.add("_csrf", csrf.group(1));
		Api.as(port, "chen.jing").post().uri("/access/requests").header(HttpHeaders.COOKIE, cookie)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML).body(form).exchange()
			.expectStatus().isEqualTo(422)
			.expectBody(String.class).value(html -> assertThat(html).contains("控制字符").doesNotContain("\u0000"));
	}

	@Test
	@DisplayName("ART-15.1: a time outside 2000..2100 in a query parameter or a page's form is refused naming it")
	void absurdTimesInParametersAndPageFormsAreRefused() {
		Api.as(port, "zhang.wei").get().uri("/api/v1/cases?from={from}", "1900-01-01").exchange()
			.expectStatus().isEqualTo(422)
			.expectBody().jsonPath("$.field").isEqualTo("from");
		Api.as(port, "zhang.wei").get().uri("/api/v1/cases?from={from}", "2026-01-01").exchange()
			.expectStatus().isOk();

		var caseId = Api.openCase(port, Api.newCaseNumber());
		var page = Api.as(port, "zhang.wei").get().uri("/cases/" + caseId).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk().returnResult(String.class);
		var cookie = page.getResponseHeaders().get(HttpHeaders.SET_COOKIE).stream()
			.filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow().split(";")[0];
		var csrf = CSRF.matcher(page.getResponseBody());
		assertThat(csrf.find()).isTrue();
		var form = new LinkedMultiValueMap<String, String>();
		form.add("kind", "ON_SITE_INSPECTION");
		form.add("startedAt", "1900-03-01T09:00");
		form.add("place", "东阳市某店");
		form.add("present", "zhang.wei");
		form.add("_csrf", csrf.group(1));
		Api.as(port, "zhang.wei").post().uri("/cases/" + caseId + "/stages").header(HttpHeaders.COOKIE, cookie)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML).body(form).exchange()
			.expectStatus().isEqualTo(422)
			.expectBody(String.class).value(html -> assertThat(html).contains("2000 年至 2100 年"));
	}

	private HttpRequest.Builder tus(String path) {
		return HttpRequest.newBuilder(URI.create(Api.base(port) + path)).header("Tus-Resumable", "1.0.0")
			.header("Authorization", basic("zhang.wei"));
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
	}

	private static String b64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private long recordingsWith(String sha256) {
		return Api.as(port, "zhang.wei").get().uri("/api/v1/recordings?sha256=" + sha256).exchange()
			.expectStatus().isOk()
			.returnResult(RecordingPage.class).getResponseBody().total();
	}

	@Test
	@DisplayName("Issue 15: every stylesheet and script a page names is served at the version-free path the page "
			+ "gives (links are not rewritten on the way out, the resource chain resolves them on request)")
	void everyStylesheetAndScriptAPageNamesIsServed() {
		var html = Api.as(port, "sun.li").get().uri("/compliance").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		var named = Page.of(html).all("link[rel=stylesheet][href], script[src]").stream()
			.map(e -> e.hasAttr("href") ? e.attr("href") : e.attr("src")).filter(u -> u.startsWith("/")).toList();
		assertThat(named).as("the dashboard names the layout's and the charts' files")
			.contains("/webjars/bootstrap/css/bootstrap.min.css", "/webjars/echarts/dist/echarts.min.js");
		for (var path : named) {
			Api.as(port, "sun.li").get().uri(path).exchange().expectStatus().isOk();
		}
	}
}
