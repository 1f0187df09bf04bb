package org.lawtrace.compliance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;

/**
 * ART-06.0 bookmarks and ART-06.1 stage exemptions on the pages, over their security chain (session, CSRF): the
 * recording page's panel and form, the case checklist's exemption forms, the leader's home list, and the refusals.
 */
@LawTraceIntegrationTest
class CompliancePagesIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
	private static final Pattern EXEMPTION = Pattern.compile("data-exemption=\"([0-9a-f-]{36})\"");
	private static long seed = System.nanoTime() ^ 0x0a06;

	@LocalServerPort
	int port;

	@Autowired
	BureauTime time;

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

	private RestTestClient.ResponseSpec post(Session session, String path, Map<String, String> form, boolean htmx) {
		var body = new LinkedMultiValueMap<String, String>();
		form.forEach(body::add);
		body.add("_csrf", session.token());
		var spec = Api.as(port, session.username()).post().uri(path).header(HttpHeaders.COOKIE, session.cookie());
		if (htmx) {
			spec = spec.header("HX-Request", "true");
		}
		return spec.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(body).exchange();
	}

	private String page(RestTestClient.ResponseSpec response) {
		var body = response.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		return body == null ? "" : body;
	}

	private String fragment(String username, String path) {
		var body = Api.as(port, username).get().uri(path).header("HX-Request", "true").exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		return body == null ? "" : body;
	}

	private String stage(String caseId, String kind, Instant start, Instant end) {
		var zone = ZoneId.of("Asia/Shanghai");
		return Api.as(port, "zhang.wei").post().uri("/api/v1/cases/{id}/stages", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("kind", kind, "startedAt", start.atZone(zone).toOffsetDateTime().toString(), "endedAt",
					end.atZone(zone).toOffsetDateTime().toString(), "present", List.of("zhang.wei", "li.na")))
			.exchange().expectStatus().isCreated()
			.returnResult(Map.class).getResponseBody().get("id").toString();
	}

	@SuppressWarnings("unchecked")
	private String stageLight(String caseId, String stageId) {
		var checklist = Api.as(port, "zhang.wei").get().uri("/api/v1/cases/{id}/compliance", caseId).exchange()
			.expectStatus().isOk().returnResult(Map.class).getResponseBody();
		return ((List<Map<String, Object>>) checklist.get("stages")).stream()
			.filter(s -> s.get("stageId").equals(stageId)).findFirst().orElseThrow().get("light").toString();
	}

	@Test
	@DisplayName("ART-06.0: the recording page's panel marks the opening at a typed time and attests the closing; "
			+ "bad times are refused beside the field; only those close to the recording may mark; the stage turns green")
	void bookmarksOnTheRecordingPage() {
		var now = time.now().truncatedTo(ChronoUnit.SECONDS);
		var caseId = Api.openCase(port, Api.newCaseNumber());
		var start = now.minus(Duration.ofHours(2));
		var seizure = stage(caseId, "SEIZURE", start, start.plus(Duration.ofMinutes(45)));
		var bytes = Media.mp4(start.minusSeconds(10), Duration.ofMinutes(46), 2048, seed++);
		var recording = Uploads.upload(Api.as(port, "zhang.wei"), Map.of("recordedBy", "zhang.wei", "caseId", caseId,
				"stageIds", List.of(seizure)), bytes, "mark" + seed + ".mp4")
			.expectStatus().isCreated().returnResult(Map.class).getResponseBody().get("id").toString();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(stageLight(caseId, seizure)).isEqualTo("AMBER"));

		var panel = "/compliance/fragments/recording/" + recording;
		assertThat(fragment("zhang.wei", panel)).contains("bookmark-form", "no-bookmarks", "mark-opening", "mark-closing");
		// legal affairs, once granted, reads the marks but sets none; the custodian is shown none; the assistant,
		// who may not see the recording, gets 404 as for one that does not exist (ART-20)
		Api.approvedAccess(port, "chen.jing", "liu.yang", caseId);
		assertThat(fragment("chen.jing", panel)).contains("bookmark-list").doesNotContain("bookmark-form");
		assertThat(fragment("zhao.min", panel)).doesNotContain("bookmark-list");
		Api.as(port, "wang.qiang").get().uri(panel).header("HX-Request", "true").exchange().expectStatus().isNotFound();
		assertThat(html("zhang.wei", "/recordings/" + recording)).contains("/compliance/fragments/recording/" + recording);

		var officer = session("zhang.wei", "/recordings/" + recording);
		var path = "/compliance/recordings/" + recording + "/bookmarks";
		assertThat(page(post(officer, path, Map.of("kind", "OPENING", "offset", "99:00", "attestation", ""), false)))
			.contains("offset-error", "value=\"99:00\"", "id=\"back\"");
		assertThat(page(post(officer, path, Map.of("kind", "OPENING", "offset", "1:75", "attestation", ""), true)))
			.contains("offset-error", "分:秒");
		assertThat(page(post(officer, path, Map.of("kind", "OPENING", "offset", "", "attestation", ""), true)))
			.contains("offset-error");
		assertThat(page(post(officer, path, Map.of("kind", "SOMEWHERE", "offset", "0:10"), true))).contains("kind-error");
		assertThat(fragment("zhang.wei", panel)).contains("no-bookmarks");

		// neither may see the recording itself (ART-20), so their sessions start on the home page
		var assistant = session("wang.qiang", "/");
		// to the assistant the recording does not exist (ART-20), so there is nothing to mark: 404
		post(assistant, path, Map.of("kind", "OPENING", "offset", "0:12"), true).expectStatus().isNotFound();
		var deputy = session("liu.yang", "/");
		post(deputy, path, Map.of("kind", "OPENING", "offset", "0:12"), true).expectStatus().isForbidden();
		var noToken = new LinkedMultiValueMap<String, String>();
		noToken.add("kind", "OPENING");
		noToken.add("offset", "0:12");
		Api.as(port, "zhang.wei").post().uri(path).header(HttpHeaders.COOKIE, officer.cookie())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(noToken).exchange().expectStatus().isForbidden();
		assertThat(fragment("zhang.wei", panel)).contains("no-bookmarks");

		var redirect = post(officer, path, Map.of("kind", "OPENING", "offset", "0:12", "attestation", ""), false)
			.expectStatus().is3xxRedirection().returnResult(String.class).getResponseHeaders().getLocation().toString();
		assertThat(redirect).endsWith("/recordings/" + recording + "#bookmarks");
		assertThat(stageLight(caseId, seizure)).isEqualTo("AMBER");
		assertThat(page(post(officer, path, Map.of("kind", "CLOSING", "offset", "",
				"attestation", "当事人离场前已询问有无补充，记录仪电量耗尽未录到"), true)))
			.contains("bookmark-saved", "开场告知", "0:12", "结束询问", "记录仪电量耗尽未录到", "张伟")
			.doesNotContain("no-bookmarks");

		assertThat(stageLight(caseId, seizure)).isEqualTo("GREEN");
		assertThat(fragment("zhang.wei", "/compliance/fragments/case/" + caseId))
			.contains("data-stage=\"" + seizure + "\" data-light=\"GREEN\"");
		assertThat(fragment("chen.jing", panel)).contains("开场告知", "结束询问");
	}

	@Test
	@DisplayName("ART-06.1, ART-06: a handler asks from the checklist for a stage not suitable for AV recording; the "
			+ "deputy director in charge finds it on his home page and approves it on the case page; others cannot")
	void exemptionOnTheCasePage() {
		var now = time.now().truncatedTo(ChronoUnit.SECONDS);
		var number = Api.newCaseNumber();
		var caseId = Api.openCase(port, number);
		var start = now.minus(Duration.ofHours(4));
		var inspection = stage(caseId, "ON_SITE_INSPECTION", start, start.plus(Duration.ofMinutes(30)));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(stageLight(caseId, inspection)).isEqualTo("RED"));

		var panel = "/compliance/fragments/case/" + caseId;
		assertThat(fragment("zhang.wei", panel)).contains("request-exemption", "reason-" + inspection, "申请不宜录像豁免");
		assertThat(fragment("liu.yang", panel)).doesNotContain("request-exemption");

		var officer = session("zhang.wei", "/cases/" + caseId);
		var path = "/compliance/cases/" + caseId + "/stages/" + inspection + "/exemptions";
		assertThat(page(post(officer, path, Map.of("reason", " "), true))).contains("reason-error", "is-invalid");
		assertThat(page(post(officer, path, Map.of("reason", " "), false))).contains("reason-error", "id=\"back\"");
		var liu = session("liu.yang", "/cases/" + caseId);
		post(liu, path, Map.of("reason", "领导代为申请"), true).expectStatus().isForbidden();
		assertThat(fragment("liu.yang", "/compliance/fragments/exemptions-to-decide")).doesNotContain(number);

		assertThat(page(post(officer, path, Map.of("reason", "检查场所涉及国家秘密，不宜录音录像"), true)))
			.contains("exemption-saved", "不宜录音录像：待审批", "张伟申请：检查场所涉及国家秘密")
			.doesNotContain("request-exemption");
		assertThat(page(post(officer, path, Map.of("reason", "再次申请"), true))).contains("form-error", "已有待审批");

		var home = fragment("liu.yang", "/compliance/fragments/exemptions-to-decide");
		assertThat(home).contains(number, "检查场所涉及国家秘密", "现场检查");
		var item = List.of(home.split("<li")).stream().filter(li -> li.contains(number)).findFirst().orElseThrow();
		var matcher = EXEMPTION.matcher(item);
		assertThat(matcher.find()).isTrue();
		var exemption = matcher.group(1);
		assertThat(fragment("sun.li", "/compliance/fragments/exemptions-to-decide")).contains(exemption);
		assertThat(fragment("he.jun", "/compliance/fragments/exemptions-to-decide")).doesNotContain(exemption);
		Api.as(port, "zhang.wei").get().uri("/compliance/fragments/exemptions-to-decide").header("HX-Request", "true")
			.exchange().expectStatus().isForbidden();
		assertThat(fragment("liu.yang", panel)).contains("decide-exemption", "approve-exemption");
		assertThat(fragment("he.jun", panel)).contains("不宜录音录像：待审批").doesNotContain("decide-exemption");
		assertThat(fragment("zhang.wei", panel)).doesNotContain("decide-exemption");

		var decision = "/compliance/cases/" + caseId + "/exemptions/" + exemption + "/decision";
		var he = session("he.jun", "/cases/" + caseId);
		assertThat(page(post(he, decision, Map.of("decision", "approve", "note", "同意"), true))).contains("form-error");
		var zhou = session("zhou.tao", "/cases/" + caseId);
		post(zhou, decision, Map.of("decision", "approve", "note", "同意"), true).expectStatus().isForbidden();
		assertThat(page(post(liu, decision, Map.of("decision", "approve", "note", "意".repeat(501)), true)))
			.contains("note-error");
		assertThat(page(post(liu, decision, Map.of("decision", "maybe", "note", ""), true))).contains("form-error");
		assertThat(stageLight(caseId, inspection)).isEqualTo("RED");

		post(liu, decision, Map.of("decision", "approve", "note", "同意"), false).expectStatus().is3xxRedirection();
		assertThat(stageLight(caseId, inspection)).isEqualTo("GREEN");
		assertThat(fragment("zhang.wei", panel)).contains("不宜录音录像：已批准", "刘洋审批：同意")
			.doesNotContain("request-exemption");
		assertThat(fragment("liu.yang", "/compliance/fragments/exemptions-to-decide")).doesNotContain(exemption);
		assertThat(page(post(liu, decision, Map.of("decision", "refuse", "note", ""), true)))
			.contains("form-error", "不宜录音录像：已批准");
	}

	private String html(String username, String path) {
		return Api.as(port, username).get().uri(path).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
	}
}
