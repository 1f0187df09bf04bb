package org.lawtrace.access.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.Page;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.Uploads;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * ART-20 in the browser's terms, over the pages' security chain (session, CSRF): 申请查阅 from a recording page, the
 * approver's home page and decision form, the grant shown on the recording page, and the refusals.
 */
@LawTraceIntegrationTest
class AccessPagesIntegrationTests {

	private static final Pattern REQUEST = Pattern.compile("/access/requests/([0-9a-f-]{36})");
	private static long seed = System.nanoTime();

	@LocalServerPort
	int port;

	/** A signed-in page session: its cookie and CSRF token, taken from a page it loaded. */
	private record Session(String username, String cookie, String token) {
	}

	/** The upload's metadata part. */
	private record Metadata(String recordedBy, String caseId) {
	}

	/** What the API answers about what it made; only its id is read here. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	private record Created(String id) {
	}

	/** The API's request for access. */
	private record AccessRequest(String caseId, String scope, String purpose, int days) {
	}

	/** The 申请查阅 form as the page posts it. */
	private record RequestForm(String caseId, String scope, String records, String purpose, String days) {
	}

	/** The decision form: the button pressed and the opinion. */
	private record DecisionForm(String decision, String opinion) {
	}

	private Session session(String username, String path) {
		var page = Api.as(port, username).get().uri(path).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk().returnResult(String.class);
		var cookie = page.getResponseHeaders().get(HttpHeaders.SET_COOKIE).stream()
			.filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow().split(";")[0];
		return new Session(username, cookie, Page.of(page.getResponseBody()).csrfToken());
	}

	private RestTestClient.ResponseSpec post(Session session, String path, Record form) {
		var body = Page.formOf(form);
		body.add("_csrf", session.token());
		return Api.as(port, session.username()).post().uri(path).header(HttpHeaders.COOKIE, session.cookie())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(body).exchange();
	}

	private Page html(String username, String path) {
		return Page.of(Api.as(port, username).get().uri(path).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
	}

	private Page fragment(String username, String path) {
		return Page.fragment(Api.as(port, username).get().uri(path).header("HX-Request", "true").exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
	}

	private String[] filmed() {
		var number = Api.newCaseNumber();
		var caseId = Api.openCase(port, number);
		var bytes = Media.mp4(Instant.now().minusSeconds(3600), Duration.ofMinutes(5), 1024, seed++);
		var id = Uploads.upload(Api.as(port, "zhang.wei"), Page.fieldsOf(new Metadata("zhang.wei", caseId)), bytes,
				"page.mp4")
			.expectStatus().isCreated().expectBody(Created.class).returnResult().getResponseBody().id();
		return new String[] { caseId, number, id };
	}

	/** The request's standing as its badge reads. */
	private static String standing(Page page) {
		return page.text("#access-standing .access-standing");
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
		assertThat(fragment("zhang.wei", "/access/fragments/recording/" + recordingId).source()).isBlank();
		// the custodian sees the recording (ART-13) but not its content, so is offered 申请查阅 on its page;
		// to legal affairs, without a grant, the recording's page and this part of it do not exist (ART-20)
		assertThat(fragment("zhao.min", "/access/fragments/recording/" + recordingId).id("ask-access").attr("href"))
			.isEqualTo("/access/requests/new?caseId=" + caseId + "&record=" + record);
		Api.as(port, "chen.jing").get().uri("/access/fragments/recording/" + recordingId).header("HX-Request", "true")
			.exchange().expectStatus().isNotFound();

		var form = session("chen.jing", "/access/requests/new?caseId=" + caseId + "&record=" + record);
		var asking = html("chen.jing", "/access/requests/new?caseId=" + caseId + "&record=" + record);
		assertThat(asking.text("#access-case")).isEqualTo(filmed[1]);
		assertThat(asking.field("records", record).closest("form").id()).isEqualTo("access-form");
		post(form, "/access/requests", new RequestForm(caseId, "RECORDS", record, " ", "3"))
			.expectStatus().isOk().expectBody(String.class)
			.value(page -> assertThat(Page.of(page).one("form#access-form #purpose-error").text()).isNotBlank());
		var location = post(form, "/access/requests", new RequestForm(caseId, "RECORDS", record, "核对扣押过程", "3"))
			.expectStatus().is3xxRedirection().returnResult(String.class).getResponseHeaders().getLocation().toString();
		var matcher = REQUEST.matcher(location);
		assertThat(matcher.find()).isTrue();
		var requestId = matcher.group(1);

		var pending = fragment("liu.yang", "/access/fragments/home").id("access-to-decide")
			.select("li.access-pending a[href=/access/requests/" + requestId + "]");
		assertThat(pending.eachText()).singleElement().asString().contains("陈静");
		// the approver sees who asks from which unit, for what and how much, before opening the request (ART-20)
		var line = fragment("liu.yang", "/access/fragments/home").id("access-to-decide")
			.select("li.access-pending:has(a[href=/access/requests/" + requestId + "])");
		assertThat(line.select(".access-unit").text()).isEqualTo("法规科");
		assertThat(line.select(".access-purpose").text()).isEqualTo("查阅事由：核对扣押过程");
		assertThat(line.text()).contains(filmed[1], "所选记录（1 条）");
		fragment("he.jun", "/access/fragments/home").lacks(requestId);
		Api.as(port, "he.jun").get().uri("/access/requests/" + requestId).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isNotFound();

		var decider = session("liu.yang", "/access/requests/" + requestId);
		var toDecide = html("liu.yang", "/access/requests/" + requestId);
		assertThat(toDecide.one("form#decide-form").attr("action")).isEqualTo("/access/requests/" + requestId + "/decision");
		assertThat(toDecide.text("#access-facts a[href=/cases/" + caseId + "]")).isEqualTo(filmed[1]);
		assertThat(toDecide.text("#access-purpose")).isEqualTo("核对扣押过程");
		// people by name; records by their place in the request, linking to the record's own page, and nothing of
		// the record itself: the approver learns a case's labels, never a record's metadata (ART-20)
		assertThat(toDecide.text("#access-requester")).isEqualTo("陈静");
		assertThat(toDecide.text("#access-requester-unit")).isEqualTo("法规科");
		assertThat(toDecide.text("#access-records a[href=/recordings/" + recordingId + "]")).isEqualTo("音像记录 第1项");
		post(decider, "/access/requests/" + requestId + "/decision", new DecisionForm("approve", "同意"))
			.expectStatus().is3xxRedirection();

		var granted = html("chen.jing", "/access/requests/" + requestId);
		assertThat(standing(granted)).isEqualTo("已批准");
		assertThat(granted.one("#access-decision").child(0).text()).isEqualTo("刘洋");
		granted.one("form#revoke-form");
		granted.noId("decide-form");
		var outcomes = fragment("chen.jing", "/access/fragments/home").id("access-mine")
			.select("li.access-outcome:has(a[href=/access/requests/" + requestId + "]) .access-standing");
		assertThat(outcomes.eachText()).containsExactly("已批准");
		assertThat(fragment("zhao.min", "/access/fragments/recording/" + recordingId).all("li.access-grant .fw-semibold")
			.eachText()).contains("陈静");
		var grantee = fragment("chen.jing", "/access/fragments/recording/" + recordingId);
		assertThat(grantee.all("li.access-grant")).isNotEmpty();
		grantee.noId("ask-access");
		Api.as(port, "chen.jing").get().uri("/recordings/" + recordingId + "/content").exchange().expectStatus().isOk();
		assertThat(html("chen.jing", "/access/requests").all("table#mine-table tr.access-row a")
			.eachAttr("href")).contains("/access/requests/" + requestId);
	}

	@Test
	@DisplayName("ART-20: a refused decision on the page says why and changes nothing; the administrator gets no access pages")
	void refusalsOnThePages() {
		var filmed = filmed();
		var requestId = Api.as(port, "liu.yang").post().uri("/api/v1/access-requests")
			.contentType(MediaType.APPLICATION_JSON)
			.body(new AccessRequest(filmed[0], "CASE", "专项检查", 2)).exchange()
			.expectStatus().isCreated().expectBody(Created.class).returnResult().getResponseBody().id();
		// liu.yang's own request goes to the director: his page offers no decision, and a forged one is refused
		var own = session("liu.yang", "/access/requests/" + requestId);
		html("liu.yang", "/access/requests/" + requestId).noId("decide-form");
		post(own, "/access/requests/" + requestId + "/decision", new DecisionForm("approve", "同意"))
			.expectStatus().isOk().expectBody(String.class)
			.value(html -> {
				var refused = Page.of(html);
				assertThat(refused.text("#form-error")).isNotBlank();
				assertThat(standing(refused)).isEqualTo("待审批");
			});
		var director = session("sun.li", "/access/requests/" + requestId);
		post(director, "/access/requests/" + requestId + "/decision", new DecisionForm("reject", ""))
			.expectStatus().isOk().expectBody(String.class)
			.value(html -> assertThat(Page.of(html).one("form#decide-form #opinion-error").text()).isNotBlank());

		for (var path : new String[] { "/access/requests", "/access/requests/" + requestId,
				"/access/requests/new?caseId=" + filmed[0] }) {
			Api.as(port, "admin").get().uri(path).accept(MediaType.TEXT_HTML).exchange().expectStatus().isForbidden();
		}
		html("admin", "/").none("#access-home").lacks("/access/fragments/home");
		assertThat(html("zhang.wei", "/cases/" + filmed[0]).one("section#access").attr("hx-get"))
			.isEqualTo("/access/fragments/case/" + filmed[0]);
		var grants = fragment("zhang.wei", "/access/fragments/case/" + filmed[0]);
		assertThat(grants.id("ask-case-access").attr("href")).isEqualTo("/access/requests/new?caseId=" + filmed[0]);
		assertThat(grants.text("#no-grants")).isNotBlank();
	}
}
