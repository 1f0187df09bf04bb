package org.lawtrace.access.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.Uploads;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;

/**
 * ART-20 in the browser's terms, over the pages' security chain (session, CSRF): 申请查阅 from a recording page, the
 * approver's home page and decision form, the grant shown on the recording page, and the refusals.
 */
@LawTraceIntegrationTest
class AccessPagesIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
	private static final Pattern REQUEST = Pattern.compile("/access/requests/([0-9a-f-]{36})");
	private static long seed = System.nanoTime();

	@LocalServerPort
	int port;

	/** A signed-in page session: its cookie and CSRF token, taken from a page it loaded. */
	private record Session(String username, String cookie, String token) {
	}

	private Session session(String username, String path) {
		var page = Api.as(port, username).get().uri(path).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk().returnResult(String.class);
		var cookie = page.getResponseHeaders().get(HttpHeaders.SET_COOKIE).stream()
			.filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow().split(";")[0];
		var matcher = CSRF.matcher(page.getResponseBody());
		assertThat(matcher.find()).isTrue();
		return new Session(username, cookie, matcher.group(1));
	}

	private RestTestClient.ResponseSpec post(Session session, String path, Map<String, String> form) {
		var body = new LinkedMultiValueMap<String, String>();
		form.forEach(body::add);
		body.add("_csrf", session.token());
		return Api.as(port, session.username()).post().uri(path).header(HttpHeaders.COOKIE, session.cookie())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(body).exchange();
	}

	private String html(String username, String path) {
		return Api.as(port, username).get().uri(path).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
	}

	private String fragment(String username, String path) {
		var body = Api.as(port, username).get().uri(path).header("HX-Request", "true").exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		return body == null ? "" : body;
	}

	private String[] filmed() {
		var number = Api.newCaseNumber();
		var caseId = Api.openCase(port, number);
		var bytes = Media.mp4(Instant.now().minusSeconds(3600), Duration.ofMinutes(5), 1024, seed++);
		var id = Uploads.upload(Api.as(port, "zhang.wei"), Map.of("recordedBy", "zhang.wei", "caseId", caseId), bytes,
				"page.mp4")
			.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
		return new String[] { caseId, number, id };
	}

	@Test
	@DisplayName("ART-20: 申请查阅 from a recording page, approval by the deputy director from the home page, and the "
			+ "grant shown on the recording page")
	void requestApproveAndSeeTheGrant() {
		var filmed = filmed();
		var caseId = filmed[0];
		var recordingId = filmed[2];
		var record = "recording:" + recordingId;
		// a handler of the open case needs no grant, and with none given there is nothing to show him
		assertThat(fragment("zhang.wei", "/access/fragments/recording/" + recordingId)).isBlank();
		// the custodian sees the recording (ART-13) but not its content, so is offered 申请查阅 on its page;
		// to legal affairs, without a grant, the recording's page and this part of it do not exist (ART-20)
		assertThat(fragment("zhao.min", "/access/fragments/recording/" + recordingId))
			.contains("ask-access", "/access/requests/new?caseId=" + caseId + "&amp;record=" + record);
		Api.as(port, "chen.jing").get().uri("/access/fragments/recording/" + recordingId).header("HX-Request", "true")
			.exchange().expectStatus().isNotFound();

		var form = session("chen.jing", "/access/requests/new?caseId=" + caseId + "&record=" + record);
		assertThat(html("chen.jing", "/access/requests/new?caseId=" + caseId + "&record=" + record))
			.contains(filmed[1], "value=\"" + record + "\"");
		post(form, "/access/requests", Map.of("caseId", caseId, "scope", "RECORDS", "records", record, "purpose", " ",
				"days", "3"))
			.expectStatus().isOk().expectBody(String.class).value(page -> assertThat(page).contains("purpose-error"));
		var location = post(form, "/access/requests", Map.of("caseId", caseId, "scope", "RECORDS", "records", record,
				"purpose", "核对扣押过程", "days", "3"))
			.expectStatus().is3xxRedirection().returnResult(String.class).getResponseHeaders().getLocation().toString();
		var matcher = REQUEST.matcher(location);
		assertThat(matcher.find()).isTrue();
		var requestId = matcher.group(1);

		assertThat(fragment("liu.yang", "/access/fragments/home")).contains("access-to-decide", requestId, "陈静");
		assertThat(fragment("he.jun", "/access/fragments/home")).doesNotContain(requestId);
		Api.as(port, "he.jun").get().uri("/access/requests/" + requestId).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isNotFound();

		var decider = session("liu.yang", "/access/requests/" + requestId);
		assertThat(html("liu.yang", "/access/requests/" + requestId)).contains("decide-form", filmed[1], "核对扣押过程");
		post(decider, "/access/requests/" + requestId + "/decision", Map.of("decision", "approve", "opinion", "同意"))
			.expectStatus().is3xxRedirection();

		assertThat(html("chen.jing", "/access/requests/" + requestId)).contains("已批准", "刘洋", "revoke-form")
			.doesNotContain("decide-form");
		assertThat(fragment("chen.jing", "/access/fragments/home")).contains("access-mine", "已批准");
		assertThat(fragment("zhao.min", "/access/fragments/recording/" + recordingId)).contains("access-grant", "陈静");
		assertThat(fragment("chen.jing", "/access/fragments/recording/" + recordingId)).contains("access-grant")
			.doesNotContain("ask-access");
		Api.as(port, "chen.jing").get().uri("/recordings/" + recordingId + "/content").exchange().expectStatus().isOk();
		assertThat(html("chen.jing", "/access/requests")).contains("mine-table", requestId);
	}

	@Test
	@DisplayName("ART-20: a refused decision on the page says why and changes nothing; the administrator gets no access pages")
	void refusalsOnThePages() {
		var filmed = filmed();
		var requestId = Api.as(port, "liu.yang").post().uri("/api/v1/access-requests")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("caseId", filmed[0], "scope", "CASE", "purpose", "专项检查", "days", 2)).exchange()
			.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
		// liu.yang's own request goes to the director: his page offers no decision, and a forged one is refused
		var own = session("liu.yang", "/access/requests/" + requestId);
		assertThat(html("liu.yang", "/access/requests/" + requestId)).doesNotContain("decide-form");
		post(own, "/access/requests/" + requestId + "/decision", Map.of("decision", "approve", "opinion", "同意"))
			.expectStatus().isOk().expectBody(String.class)
			.value(page -> assertThat(page).contains("form-error", "待审批"));
		var director = session("sun.li", "/access/requests/" + requestId);
		post(director, "/access/requests/" + requestId + "/decision", Map.of("decision", "reject", "opinion", ""))
			.expectStatus().isOk().expectBody(String.class).value(page -> assertThat(page).contains("opinion-error"));

		for (var path : new String[] { "/access/requests", "/access/requests/" + requestId,
				"/access/requests/new?caseId=" + filmed[0] }) {
			Api.as(port, "admin").get().uri(path).accept(MediaType.TEXT_HTML).exchange().expectStatus().isForbidden();
		}
		assertThat(html("admin", "/")).doesNotContain("/access/fragments/home");
		assertThat(html("zhang.wei", "/cases/" + filmed[0])).contains("/access/fragments/case/" + filmed[0]);
		assertThat(fragment("zhang.wei", "/access/fragments/case/" + filmed[0])).contains("ask-case-access", "no-grants");
	}
}
