package org.lawtrace.compliance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jsoup.nodes.Element;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * ART-06.0 bookmarks and ART-06.1 stage exemptions on the pages, over their security chain (session, CSRF): the
 * recording page's panel and form, the case checklist's exemption forms, the leader's home list, and the refusals.
 */
@LawTraceIntegrationTest
class CompliancePagesIntegrationTests {

	private static long seed = System.nanoTime() ^ 0x0a06;

	@LocalServerPort
	int port;

	@Autowired
	BureauTime time;

	/** A signed-in page session: its cookie and CSRF token, taken from a page it loaded. */
	private record Session(String username, String cookie, String token) {
	}

	/** A stage as the cases API records it. */
	private record Stage(String kind, String startedAt, String endedAt, List<String> present) {
	}

	/** The upload's metadata part. */
	private record Metadata(String recordedBy, String caseId, List<String> stageIds) {
	}

	/** What the API answers about what it made; only its id is read here. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	private record Created(String id) {
	}

	/** The compliance API's checklist, as far as the stages' lights. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	private record Checklist(List<StageCheck> stages) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	private record StageCheck(String stageId, String light) {
	}

	/** The recording panel's form: the button pressed (kind), and a time or an attestation. */
	private record BookmarkForm(String kind, String offset, String attestation) {
	}

	/** The checklist's 申请不宜录像豁免 form. */
	private record ExemptionForm(String reason) {
	}

	/** An exemption's decision form: the button pressed and the note. */
	private record DecisionForm(String decision, String note) {
	}

	private Session session(String username, String path) {
		var page = Api.as(port, username).get().uri(path).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk().returnResult(String.class);
		var cookie = page.getResponseHeaders().get(HttpHeaders.SET_COOKIE).stream()
			.filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow().split(";")[0];
		return new Session(username, cookie, Page.of(page.getResponseBody()).csrfToken());
	}

	private RestTestClient.ResponseSpec post(Session session, String path, Record form, boolean htmx) {
		var body = Page.formOf(form);
		body.add("_csrf", session.token());
		var spec = Api.as(port, session.username()).post().uri(path).header(HttpHeaders.COOKIE, session.cookie());
		if (htmx) {
			spec = spec.header("HX-Request", "true");
		}
		return spec.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(body).exchange();
	}

	/** The answer to a form posted with htmx (the panel alone) or without (the panel on a page of its own). */
	private Page answer(Session session, String path, Record form, boolean htmx) {
		var body = post(session, path, form, htmx).expectStatus().isOk().expectBody(String.class).returnResult()
			.getResponseBody();
		return htmx ? Page.fragment(body) : Page.of(body);
	}

	private Page fragment(String username, String path) {
		return Page.fragment(Api.as(port, username).get().uri(path).header("HX-Request", "true").exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
	}

	/** The checklist's exemption cell of a stage. */
	private static Element exemptionCell(Page checklist, String stageId) {
		return checklist.one("td.exemption-cell[data-stage=" + stageId + "]");
	}

	/** The recording panel's bookmark of a kind. */
	private static Element bookmark(Page panel, String kind) {
		return panel.one("#bookmark-list li.bookmark[data-kind=" + kind + "]");
	}

	private String stage(String caseId, String kind, Instant start, Instant end) {
		var zone = ZoneId.of("Asia/Shanghai");
		return Api.as(port, "zhang.wei").post().uri("/api/v1/cases/{id}/stages", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new Stage(kind, start.atZone(zone).toOffsetDateTime().toString(),
					end.atZone(zone).toOffsetDateTime().toString(), List.of("zhang.wei", "li.na")))
			.exchange().expectStatus().isCreated()
			.returnResult(Created.class).getResponseBody().id();
	}

	private String stageLight(String caseId, String stageId) {
		var checklist = Api.as(port, "zhang.wei").get().uri("/api/v1/cases/{id}/compliance", caseId).exchange()
			.expectStatus().isOk().returnResult(Checklist.class).getResponseBody();
		return checklist.stages().stream().filter(s -> s.stageId().equals(stageId)).findFirst().orElseThrow().light();
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
		var recording = Uploads.upload(Api.as(port, "zhang.wei"),
				Page.fieldsOf(new Metadata("zhang.wei", caseId, List.of(seizure))), bytes, "mark" + seed + ".mp4")
			.expectStatus().isCreated().returnResult(Created.class).getResponseBody().id();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(stageLight(caseId, seizure)).isEqualTo("AMBER"));

		var panel = "/compliance/fragments/recording/" + recording;
		var handlers = fragment("zhang.wei", panel);
		// the panel, and the seek bar's marks that htmx swaps in beside the player, out of band (ART-06.0)
		assertThat(handlers.all("body > *").eachAttr("id")).containsExactly("bookmarks", "seek-marks");
		assertThat(handlers.id("seek-marks").attr("hx-swap-oob")).isEqualTo("true");
		handlers.none("#seek-marks .seek-mark");
		var form = handlers.one("form#bookmark-form");
		assertThat(form.attr("action")).isEqualTo("/compliance/recordings/" + recording + "/bookmarks");
		assertThat(form.select("button#mark-opening[name=kind]").val()).isEqualTo("OPENING");
		assertThat(form.select("button#mark-closing[name=kind]").val()).isEqualTo("CLOSING");
		assertThat(handlers.one("#bookmark-list #no-bookmarks").text()).isNotBlank();
		// legal affairs, once granted, reads the marks but sets none; the custodian is shown none; the assistant,
		// who may not see the recording, gets 404 as for one that does not exist (ART-20)
		Api.approvedAccess(port, "chen.jing", "liu.yang", caseId);
		fragment("chen.jing", panel).noId("bookmark-form").one("ul#bookmark-list");
		fragment("zhao.min", panel).noId("bookmark-list");
		Api.as(port, "wang.qiang").get().uri(panel).header("HX-Request", "true").exchange().expectStatus().isNotFound();
		assertThat(html("zhang.wei", "/recordings/" + recording).one("div#bookmarks").attr("hx-get")).isEqualTo(panel);

		var officer = session("zhang.wei", "/recordings/" + recording);
		var path = "/compliance/recordings/" + recording + "/bookmarks";
		var tooLate = answer(officer, path, new BookmarkForm("OPENING", "99:00", ""), false);
		assertThat(tooLate.text("form#bookmark-form #offset-error")).isNotBlank();
		assertThat(tooLate.one("input#bookmark-offset").val()).isEqualTo("99:00");
		assertThat(tooLate.one("a#back").attr("href")).isNotBlank();
		assertThat(answer(officer, path, new BookmarkForm("OPENING", "1:75", ""), true).text("#offset-error"))
			.contains("分:秒");
		assertThat(answer(officer, path, new BookmarkForm("OPENING", "", ""), true).text("#offset-error")).isNotBlank();
		assertThat(answer(officer, path, new BookmarkForm("SOMEWHERE", "0:10", null), true).text("#kind-error"))
			.isNotBlank();
		fragment("zhang.wei", panel).id("no-bookmarks");

		// neither may see the recording itself (ART-20), so their sessions start on the home page
		var assistant = session("wang.qiang", "/");
		// to the assistant the recording does not exist (ART-20), so there is nothing to mark: 404
		post(assistant, path, new BookmarkForm("OPENING", "0:12", null), true).expectStatus().isNotFound();
		var deputy = session("liu.yang", "/");
		post(deputy, path, new BookmarkForm("OPENING", "0:12", null), true).expectStatus().isForbidden();
		var noToken = Page.formOf(new BookmarkForm("OPENING", "0:12", null));
		Api.as(port, "zhang.wei").post().uri(path).header(HttpHeaders.COOKIE, officer.cookie())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(noToken).exchange().expectStatus().isForbidden();
		fragment("zhang.wei", panel).id("no-bookmarks");

		var redirect = post(officer, path, new BookmarkForm("OPENING", "0:12", ""), false)
			.expectStatus().is3xxRedirection().returnResult(String.class).getResponseHeaders().getLocation().toString();
		assertThat(redirect).endsWith("/recordings/" + recording + "#bookmarks");
		assertThat(stageLight(caseId, seizure)).isEqualTo("AMBER");
		var marked = answer(officer, path, new BookmarkForm("CLOSING", "", "当事人离场前已询问有无补充，记录仪电量耗尽未录到"),
				true);
		assertThat(marked.text("#bookmark-saved")).isNotBlank();
		var opening = bookmark(marked, "OPENING");
		assertThat(opening.selectFirst(".badge").text()).isEqualTo("开场告知");
		assertThat(opening.selectFirst(".bookmark-offset").text()).isEqualTo("0:12");
		assertThat(opening.selectFirst(".text-secondary").text()).startsWith("张伟 · ");
		var closing = bookmark(marked, "CLOSING");
		assertThat(closing.selectFirst(".badge").text()).isEqualTo("结束询问");
		assertThat(closing.select(".bookmark-offset")).isEmpty();
		assertThat(closing.selectFirst(".bookmark-attestation").text()).contains("记录仪电量耗尽未录到");
		assertThat(closing.selectFirst(".text-secondary").text()).startsWith("张伟 · ");
		marked.noId("no-bookmarks");
		// ART-06.0: the timed bookmark is a mark on the seek bar, where it stands in the 46-minute recording; the
		// attested one has no time and no mark
		var mark = marked.one("#seek-marks .seek-mark");
		assertThat(mark.text()).isEqualTo("开场告知 0:12");
		assertThat(mark.attr("data-seconds")).isEqualTo("12.000");
		assertThat(mark.attr("style")).isEqualTo(String.format(java.util.Locale.ROOT, "left:%.3f%%", 12 * 100.0 / (46 * 60)));

		assertThat(stageLight(caseId, seizure)).isEqualTo("GREEN");
		assertThat(fragment("zhang.wei", "/compliance/fragments/case/" + caseId)
			.one("tr.compliance-stage[data-stage=" + seizure + "]").attr("data-light")).isEqualTo("GREEN");
		assertThat(fragment("chen.jing", panel).all("#bookmark-list li.bookmark .badge").eachText())
			.containsExactlyInAnyOrder("开场告知", "结束询问");
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
		var asking = exemptionCell(fragment("zhang.wei", panel), inspection);
		var request = asking.selectFirst("details.request-exemption");
		assertThat(request).isNotNull();
		assertThat(request.selectFirst("summary").text()).isEqualTo("申请不宜录像豁免");
		assertThat(request.select("textarea[name=reason]").eachAttr("id")).containsExactly("reason-" + inspection);
		fragment("liu.yang", panel).noClass("request-exemption");

		var officer = session("zhang.wei", "/cases/" + caseId);
		var path = "/compliance/cases/" + caseId + "/stages/" + inspection + "/exemptions";
		var blank = exemptionCell(answer(officer, path, new ExemptionForm(" "), true), inspection);
		assertThat(blank.select("#reason-error").text()).isNotBlank();
		assertThat(blank.select("#reason-" + inspection).hasClass("is-invalid")).isTrue();
		var blankWithoutHtmx = answer(officer, path, new ExemptionForm(" "), false);
		assertThat(exemptionCell(blankWithoutHtmx, inspection).select("#reason-error").text()).isNotBlank();
		assertThat(blankWithoutHtmx.one("a#back").attr("href")).isNotBlank();
		var liu = session("liu.yang", "/cases/" + caseId);
		post(liu, path, new ExemptionForm("领导代为申请"), true).expectStatus().isForbidden();
		fragment("liu.yang", "/compliance/fragments/exemptions-to-decide").lacks(number);

		var asked = answer(officer, path, new ExemptionForm("检查场所涉及国家秘密，不宜录音录像"), true);
		assertThat(asked.text("#exemption-saved")).isNotBlank();
		var requested = exemptionCell(asked, inspection);
		assertThat(requested.select(".exemption .badge").text()).isEqualTo("不宜录音录像：待审批");
		assertThat(requested.select(".exemption-reason").text()).startsWith("张伟申请：检查场所涉及国家秘密");
		asked.noClass("request-exemption");
		assertThat(exemptionCell(answer(officer, path, new ExemptionForm("再次申请"), true), inspection)
			.select("#form-error").text()).contains("已有待审批");

		var home = fragment("liu.yang", "/compliance/fragments/exemptions-to-decide");
		var items = home.all("li.exemption-pending").stream()
			.filter(li -> li.select("a").eachText().contains(number)).toList();
		assertThat(items).hasSize(1);
		var item = items.get(0);
		assertThat(item.selectFirst("a").attr("href")).isEqualTo("/cases/" + caseId + "#compliance");
		assertThat(item.select(".badge").eachText()).containsExactly("现场检查");
		assertThat(item.select("div").eachText()).containsExactly("检查场所涉及国家秘密，不宜录音录像");
		var exemption = item.attr("data-exemption");
		assertThat(exemption).matches("[0-9a-f-]{36}");
		fragment("sun.li", "/compliance/fragments/exemptions-to-decide").oneWithAttribute("data-exemption", exemption);
		fragment("he.jun", "/compliance/fragments/exemptions-to-decide").lacks(exemption);
		Api.as(port, "zhang.wei").get().uri("/compliance/fragments/exemptions-to-decide").header("HX-Request", "true")
			.exchange().expectStatus().isForbidden();
		var deciding = exemptionCell(fragment("liu.yang", panel), inspection).selectFirst("form.decide-exemption");
		assertThat(deciding).isNotNull();
		assertThat(deciding.attr("action"))
			.isEqualTo("/compliance/cases/" + caseId + "/exemptions/" + exemption + "/decision");
		assertThat(deciding.select("button.approve-exemption[name=decision]").val()).isEqualTo("approve");
		var heSees = fragment("he.jun", panel);
		assertThat(exemptionCell(heSees, inspection).select(".exemption .badge").text()).isEqualTo("不宜录音录像：待审批");
		heSees.noClass("decide-exemption");
		fragment("zhang.wei", panel).noClass("decide-exemption");

		var decision = "/compliance/cases/" + caseId + "/exemptions/" + exemption + "/decision";
		var he = session("he.jun", "/cases/" + caseId);
		assertThat(answer(he, decision, new DecisionForm("approve", "同意"), true).text("#form-error")).isNotBlank();
		var zhou = session("zhou.tao", "/cases/" + caseId);
		post(zhou, decision, new DecisionForm("approve", "同意"), true).expectStatus().isForbidden();
		assertThat(answer(liu, decision, new DecisionForm("approve", "意".repeat(501)), true)
			.text("form.decide-exemption #note-error")).isNotBlank();
		assertThat(answer(liu, decision, new DecisionForm("maybe", ""), true).text("#form-error")).isNotBlank();
		assertThat(stageLight(caseId, inspection)).isEqualTo("RED");

		post(liu, decision, new DecisionForm("approve", "同意"), false).expectStatus().is3xxRedirection();
		assertThat(stageLight(caseId, inspection)).isEqualTo("GREEN");
		var approvedPanel = fragment("zhang.wei", panel);
		var approved = exemptionCell(approvedPanel, inspection).selectFirst(".exemption");
		assertThat(approved.selectFirst(".badge").text()).isEqualTo("不宜录音录像：已批准");
		assertThat(approved.select("div.text-secondary").eachText()).containsExactly("刘洋审批：同意");
		approvedPanel.noClass("request-exemption");
		fragment("liu.yang", "/compliance/fragments/exemptions-to-decide").lacks(exemption);
		var late = answer(liu, decision, new DecisionForm("refuse", ""), true);
		assertThat(late.text("#form-error")).isNotBlank();
		assertThat(exemptionCell(late, inspection).select(".exemption .badge").text()).isEqualTo("不宜录音录像：已批准");
	}

	private Page html(String username, String path) {
		return Page.of(Api.as(port, username).get().uri(path).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
	}
}
