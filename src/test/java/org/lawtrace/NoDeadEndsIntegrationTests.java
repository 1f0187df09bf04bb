package org.lawtrace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.Uploads;
import org.lawtrace.shared.BureauTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Issue 15, no dead ends, over plain HTTP on the pages' chain: a record's own address that answers 404 or 403 says
 * how to ask for it (申请查阅 with the record filled in) and nothing of the record (ART-20); the case page offers
 * 上传, revisions, exemptions and the 案卷 only to whom the owning module would not refuse them (ADR 0026), says a
 * stage's recordings exist when they are only hidden, and offers nothing but corrections on a closed case (ART-14).
 */
@LawTraceIntegrationTest
class NoDeadEndsIntegrationTests {

	private static final AtomicLong SEED = new AtomicLong(System.nanoTime());

	@LocalServerPort
	int port;

	@Autowired
	BureauTime time;

	private record Stage(String kind, String startedAt, List<String> present) {
	}

	private record Metadata(String recordedBy, String caseId, List<String> stageIds) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	private record Stored(String id) {
	}

	/** A case of zhang.wei and li.na with a seizure (AV mandatory) filmed by li.na. */
	private record Filmed(String caseId, String caseNumber, String recordingId, String name) {
	}

	private Filmed filmedSeizure() {
		var number = Api.newCaseNumber();
		var caseId = Api.openCase(port, number);
		var start = time.local(time.now().minus(Duration.ofHours(3))).withNano(0);
		var stageId = Api.as(port, "zhang.wei").post().uri("/api/v1/cases/{id}/stages", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new Stage("SEIZURE", start.toString(), List.of("zhang.wei", "li.na")))
			.exchange().expectStatus().isCreated().returnResult(Stored.class).getResponseBody().id();
		var name = "DEADEND_" + SEED.incrementAndGet() + ".MP4";
		var id = Uploads.upload(Api.as(port, "li.na"), Page.fieldsOf(new Metadata("li.na", caseId, List.of(stageId))),
				Media.mp4(start.toInstant(), Duration.ofMinutes(5), 8 * 1024, SEED.get()), name)
			.expectStatus().isCreated().expectBody(Stored.class).returnResult().getResponseBody().id();
		return new Filmed(caseId, number, id, name);
	}

	private Page page(String username, String path, HttpStatus status) {
		return Page.of(Api.as(port, username).get().uri(path).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody());
	}

	private Page fragment(String username, String path) {
		return Page.fragment(Api.as(port, username).get().uri(path).header("HX-Request", "true").exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
	}

	@Test
	@DisplayName("ART-20, issue 15: a recording's address someone may not see answers 404 with 申请查阅 for that record, "
			+ "word for word as for an id that names nothing; the request made from it names the record and its case")
	void aHiddenRecordsPageSaysHowToAsk() {
		var filmed = filmedSeizure();
		var hidden = page("chen.jing", "/recordings/" + filmed.recordingId(), HttpStatus.NOT_FOUND);
		assertThat(hidden.id("error-ask-link").attr("href"))
			.isEqualTo("/access/requests/new?record=recording:" + filmed.recordingId());
		hidden.lacks(filmed.name(), filmed.caseNumber(), "li.na", "李娜");
		var unknown = UUID.randomUUID().toString();
		var nothing = page("chen.jing", "/recordings/" + unknown, HttpStatus.NOT_FOUND);
		assertThat(nothing.one("main#error-page").text().replace(unknown, filmed.recordingId()))
			.as("the same page whether or not the record exists").isEqualTo(hidden.one("main#error-page").text());
		assertThat(page("chen.jing", "/documents/" + unknown, HttpStatus.NOT_FOUND).id("error-ask-link").attr("href"))
			.isEqualTo("/access/requests/new?record=document:" + unknown);
		// the administrator asks for nothing (ART-20): the plain refusal, no link
		page("admin", "/recordings/" + filmed.recordingId(), HttpStatus.FORBIDDEN).noId("error-ask-access");

		var form = Api.as(port, "chen.jing").get().uri("/access/requests/new?record=recording:" + filmed.recordingId())
			.accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk().returnResult(String.class);
		var asking = Page.of(form.getResponseBody());
		asking.one("#access-record-only");
		asking.noId("access-case").lacks(filmed.caseNumber(), filmed.name());
		assertThat(asking.one("#scope-records").hasAttr("checked")).isTrue();
		asking.noId("scope-case");
		assertThat(asking.one("#access-form input[type=hidden][name=records]").val())
			.isEqualTo("recording:" + filmed.recordingId());
		var session = form.getResponseHeaders().get(HttpHeaders.SET_COOKIE).stream()
			.filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow().split(";")[0];
		var body = new LinkedMultiValueMap<String, String>();
		body.add("scope", "RECORDS");
		body.add("records", "recording:" + filmed.recordingId());
		body.add("days", "3");
		// a missing purpose is named beside its field, the record still chosen
		Api.as(port, "chen.jing").post().uri("/access/requests").header(HttpHeaders.COOKIE, session)
			.header("X-CSRF-TOKEN", asking.csrfToken()).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(body)
			.exchange().expectStatus().isOk().expectBody(String.class).value(html -> {
				var refused = Page.of(html);
				assertThat(refused.one("#purpose-error").text()).isNotBlank();
				assertThat(refused.one("#access-form input[name=records]").val())
					.isEqualTo("recording:" + filmed.recordingId());
				assertThat(refused.one("#days").val()).isEqualTo("3");
			});
		body.add("purpose", "同事转来的链接，行政复议答复需要核对");
		var made = Api.as(port, "chen.jing").post().uri("/access/requests").header(HttpHeaders.COOKIE, session)
			.header("X-CSRF-TOKEN", asking.csrfToken()).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(body)
			.exchange().expectStatus().is3xxRedirection().returnResult(String.class).getResponseHeaders().getLocation()
			.getPath();
		var request = page("chen.jing", made, HttpStatus.OK);
		assertThat(request.all("#access-records a").eachAttr("href")).containsExactly("/recordings/" + filmed.recordingId());
		assertThat(request.text("#access-standing")).contains("待审批");
	}

	@Test
	@DisplayName("ADR 0026, issue 15: 上传 only for the case's own people and custodians; a stage whose recording is "
			+ "hidden says it exists; the revision form only for who may revise")
	void theCasePageOffersWhatTheModulesAllow() {
		var filmed = filmedSeizure();
		var section = "/recordings/fragments/case/" + filmed.caseId();
		fragment("zhang.wei", section).one("#upload-for-case");
		fragment("zhao.min", section).one("#upload-for-case");
		var outsider = fragment("chen.hao", section);
		outsider.noId("upload-for-case");
		var seizure = outsider.one("div.recording-group[data-kind=SEIZURE]");
		assertThat(seizure.select(".missing-recording")).as("not \"尚无音像记录\": it has one, hidden").isEmpty();
		assertThat(seizure.select(".hidden-in-stage").text()).contains("1 条").contains("申请查阅");
		outsider.lacks(filmed.name(), filmed.recordingId());
		fragment("wang.qiang", section).noId("upload-for-case");

		// an officer whom a grant lets see the recording may not revise it: no form that would be refused
		Api.approvedAccess(port, "chen.hao", "sun.li", filmed.caseId());
		var granted = page("chen.hao", "/recordings/" + filmed.recordingId(), HttpStatus.OK);
		granted.noId("revise").noId("save-revision");
		page("zhang.wei", "/recordings/" + filmed.recordingId(), HttpStatus.OK).one("#save-revision");
	}

	@Test
	@DisplayName("ART-14, issue 15: a closed case offers no 上传, revision or exemption; its 案卷 link shows only to "
			+ "whom the 案卷 opens, the others are told to ask, and the 案卷's 403 says how")
	void aClosedCaseOffersOnlyWhatItAllows() {
		var filmed = filmedSeizure();
		var exemptions = "/compliance/fragments/case/" + filmed.caseId();
		// the checklist is evaluated after the commit: wait for the stage to appear in it
		await().atMost(Patience.of(Duration.ofSeconds(20))).untilAsserted(
				() -> assertThat(fragment("zhang.wei", exemptions).all("details.request-exemption")).isNotEmpty());
		Api.as(port, "zhang.wei").post().uri("/api/v1/cases/{id}/close", filmed.caseId()).exchange()
			.expectStatus().isOk();

		fragment("zhang.wei", "/recordings/fragments/case/" + filmed.caseId()).noId("upload-for-case");
		fragment("zhao.min", "/recordings/fragments/case/" + filmed.caseId()).noId("upload-for-case");
		fragment("zhang.wei", exemptions).noClass("request-exemption");
		// the custodian keeps the file and may ask for a correction, but a closed case's records take no revision
		var kept = page("zhao.min", "/recordings/" + filmed.recordingId(), HttpStatus.OK);
		kept.noId("save-revision").one("#request-correction");

		var documents = "/documents/fragments/case/" + filmed.caseId();
		assertThat(fragment("zhao.min", documents).id("case-file-link").attr("href"))
			.isEqualTo("/documents/case-file/" + filmed.caseId());
		var handler = fragment("zhang.wei", documents);
		handler.noId("case-file-link");
		assertThat(handler.one("#case-file-ask a").attr("href"))
			.isEqualTo("/access/requests/new?caseId=" + filmed.caseId());
		var refused = page("zhang.wei", "/documents/case-file/" + filmed.caseId(), HttpStatus.FORBIDDEN);
		assertThat(refused.id("error-ask-link").attr("href")).isEqualTo("/access/requests/new?caseId=" + filmed.caseId());
		Api.approvedAccess(port, "chen.jing", "sun.li", filmed.caseId());
		fragment("chen.jing", documents).one("#case-file-link");
		page("chen.jing", "/documents/case-file/" + filmed.caseId(), HttpStatus.OK);
	}

	@Test
	@DisplayName("Issue 15: the new-case form and the request form name every mistake in one answer and keep what "
			+ "was typed")
	void formsNameEveryMistakeAtOnce() {
		var blank = Api.as(port, "zhang.wei").get().uri("/cases/new").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk().returnResult(String.class);
		var session = blank.getResponseHeaders().get(HttpHeaders.SET_COOKIE).stream()
			.filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow().split(";")[0];
		var token = Page.of(blank.getResponseBody()).csrfToken();
		var typed = new LinkedMultiValueMap<String, String>();
		typed.add("caseNumber", "东市监处[2026]");
		typed.add("kind", "");
		typed.add("procedure", "GENERAL");
		typed.add("title", "");
		typed.add("handlers", "zhang.wei");
		typed.add("parties[0].kind", "ORGANIZATION");
		typed.add("parties[0].name", "");
		typed.add("parties[0].idNumber", "12345");
		var refused = Page.of(Api.as(port, "zhang.wei").post().uri("/cases").header(HttpHeaders.COOKIE, session)
			.header("X-CSRF-TOKEN", token).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(typed).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
		for (var field : List.of("caseNumber", "kind", "title", "parties[0].name", "parties[0].idNumber")) {
			assertThat(refused.one("[id='" + field + "-error']").text()).as(field).isNotBlank();
		}
		assertThat(refused.text("#form-errors")).contains("5");
		assertThat(refused.one("input[name=caseNumber]").val()).isEqualTo("东市监处[2026]");
		assertThat(refused.one("[name='parties[0].idNumber']").val()).isEqualTo("12345");

		var caseId = Api.openCase(port, Api.newCaseNumber());
		var form = Api.as(port, "chen.jing").get().uri("/access/requests/new?caseId=" + caseId)
			.accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk().returnResult(String.class);
		var asking = Page.of(form.getResponseBody());
		var request = new LinkedMultiValueMap<String, String>();
		request.add("caseId", caseId);
		request.add("scope", "CASE");
		request.add("days", "0");
		var answer = Page.of(Api.as(port, "chen.jing").post().uri("/access/requests")
			.header(HttpHeaders.COOKIE, form.getResponseHeaders().get(HttpHeaders.SET_COOKIE).stream()
				.filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow().split(";")[0])
			.header("X-CSRF-TOKEN", asking.csrfToken()).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(request)
			.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
		assertThat(answer.one("#purpose-error").text()).isNotBlank();
		assertThat(answer.one("#days-error").text()).isNotBlank();
		assertThat(answer.one("#days").val()).isEqualTo("0");
	}

	@Test
	@DisplayName("ART-05, issue 15: the document registration form names every mistake in one answer, the file "
			+ "included, and keeps what was typed")
	void documentRegistrationNamesEveryMistakeAtOnce() {
		var caseId = Api.openCase(port, Api.newCaseNumber());
		var blank = Api.as(port, "zhang.wei").get().uri("/documents/new?caseId=" + caseId).accept(MediaType.TEXT_HTML)
			.exchange().expectStatus().isOk().returnResult(String.class);
		var session = blank.getResponseHeaders().get(HttpHeaders.SET_COOKIE).stream()
			.filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow().split(";")[0];
		var parts = new MultipartBodyBuilder();
		parts.part("caseId", caseId);
		parts.part("kind", "");
		parts.part("title", "");
		parts.part("number", "东市监询〔2026〕9号");
		parts.part("madeAt", "2099-01-01T10:00");
		var refused = Page.of(Api.as(port, "zhang.wei").post().uri("/documents/new").header(HttpHeaders.COOKIE, session)
			.header("X-CSRF-TOKEN", Page.of(blank.getResponseBody()).csrfToken())
			.contentType(MediaType.MULTIPART_FORM_DATA).body(parts.build()).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
		for (var field : List.of("kind", "title", "madeAt", "file")) {
			assertThat(refused.one("#" + field + "-error").text()).as(field).isNotBlank();
		}
		assertThat(refused.one("#number").val()).isEqualTo("东市监询〔2026〕9号");
	}
}
