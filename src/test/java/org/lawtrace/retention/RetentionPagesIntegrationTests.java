package org.lawtrace.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.MovableClock;
import org.lawtrace.Page;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.RecordingApi.RecordingView;
import org.lawtrace.recordings.RecordingApi.UploadMetadata;
import org.lawtrace.recordings.Uploads;
import org.lawtrace.retention.RetentionApi.Chosen;
import org.lawtrace.retention.RetentionApi.DispositionView;
import org.lawtrace.retention.RetentionApi.NewAppraisal;
import org.lawtrace.retention.RetentionApi.NewDisposition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/**
 * ART-16, ART-17 on the pages: long-term marks asked by case number and decided from the home page, holds placed
 * by legal affairs, the month's list, a disposition's page with its appraisals and the director's decision, and the
 * director's pending approvals on his home page; in Chinese, people by name, no ids or codes shown.
 */
@LawTraceIntegrationTest
class RetentionPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MovableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private Page page(String who, String path) {
		return Page.of(Api.as(port, who).get().uri(path).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
			.returnResult(String.class).getResponseBody());
	}

	/** Posts a page form as {@code who}, in a session with its CSRF token; answers where it redirects. */
	private String post(String who, String formPage, String action, LinkedMultiValueMap<String, String> form) {
		var result = Api.as(port, who).get().uri(formPage).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
			.returnResult(String.class);
		var session = result.getResponseHeaders().get(HttpHeaders.SET_COOKIE).stream()
			.filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow().split(";")[0];
		var token = Page.of(result.getResponseBody()).csrfToken();
		return Api.as(port, who).post().uri(action).header(HttpHeaders.COOKIE, session).header("X-CSRF-TOKEN", token)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).exchange().expectStatus().is3xxRedirection()
			.returnResult(String.class).getResponseHeaders().getLocation().toString();
	}

	@Test
	@DisplayName("ART-17: the custodian asks for a long-term mark by case number; it waits on the director's home page, who approves it there")
	void longTermMarkAskedAndDecidedOnThePages() {
		var number = Api.newCaseNumber();
		Api.openCase(port, number);
		var form = new LinkedMultiValueMap<String, String>();
		form.add("caseNumber", number);
		form.add("situation", "MASS_INCIDENT");
		form.add("reason", "现场聚集群众较多");
		assertThat(post("zhao.min", "/retention/long-term", "/retention/long-term", form)).endsWith("/retention/long-term");

		var marks = page("zhao.min", "/retention/long-term");
		assertThat(marks.all("tr.mark").eachText()).anyMatch(t -> t.contains(number) && t.contains("处置群体性或突发事件")
				&& t.contains("待审批") && t.contains("赵敏"));

		var waiting = Page.fragment(Api.as(port, "sun.li").get().uri("/retention/fragments/waiting")
			.accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk().returnResult(String.class).getResponseBody());
		var item = waiting.all("li.waiting-mark").stream().filter(li -> li.text().contains(number)).findFirst()
			.orElseThrow();
		var action = item.selectFirst("form.decide-mark").attr("action");
		var decision = new LinkedMultiValueMap<String, String>();
		decision.add("approve", "true");
		decision.add("back", "home");
		assertThat(post("sun.li", "/", action, decision)).endsWith("/#retention-waiting");

		assertThat(page("zhao.min", "/retention/long-term").all("tr.mark").eachText())
			.anyMatch(t -> t.contains(number) && t.contains("已批准") && t.contains("孙丽"));
	}

	@Test
	@DisplayName("ART-16: legal affairs places a hold by case number and releases it with a reason; the custodian sees both")
	void holdPlacedAndReleasedOnThePage() {
		var number = Api.newCaseNumber();
		Api.openCase(port, number);
		var form = new LinkedMultiValueMap<String, String>();
		form.add("caseNumber", number);
		form.add("kind", "RECONSIDERATION");
		form.add("reason", "当事人申请行政复议");
		post("chen.jing", "/retention/holds", "/retention/holds", form);

		var holds = page("zhao.min", "/retention/holds");
		var row = holds.all("tr.hold").stream().filter(r -> r.text().contains(number)).findFirst().orElseThrow();
		assertThat(row.text()).contains("行政复议", "冻结中", "陈静");
		assertThat(holds.has("form#place-hold")).as("only legal affairs places holds").isFalse();

		var release = new LinkedMultiValueMap<String, String>();
		release.add("reason", "复议决定已作出");
		post("chen.jing", "/retention/holds", page("chen.jing", "/retention/holds").all("tr.hold").stream()
			.filter(r -> r.text().contains(number)).findFirst().orElseThrow().selectFirst("form.release-hold")
			.attr("action"), release);
		assertThat(page("zhao.min", "/retention/holds").all("tr.hold").stream()
			.filter(r -> r.text().contains(number)).findFirst().orElseThrow().text()).contains("复议决定已作出");
	}

	@Test
	@DisplayName("ART-16: a due daily recording is on the month's list; its disposition waits for the director on his home page and its page offers him the decision")
	void dispositionListAndTheDirectorsApproval() {
		var r = Uploads.upload(Api.as(port, "zhang.wei"), UploadMetadata.by("zhang.wei"),
				Media.mp4(Instant.now().minusSeconds(3600), Duration.ofMinutes(2), 4096, System.nanoTime()), "page-daily.mp4")
			.expectStatus().isCreated().returnResult(RecordingView.class).getResponseBody();
		clock.advance(Duration.ofDays(400));

		var list = page("zhao.min", "/retention/disposition");
		assertThat(list.all("tr.due").eachText()).anyMatch(t -> t.contains("page-daily.mp4") && t.contains("日常执法记录")
				&& t.contains("1年"));

		var d = Api.as(port, "zhao.min").post().uri("/api/v1/retention/dispositions").contentType(MediaType.APPLICATION_JSON)
			.body(new NewDisposition(java.util.List.of(new Chosen("RECORDING", r.id())))).exchange().expectStatus()
			.isCreated().returnResult(DispositionView.class).getResponseBody();
		Api.as(port, "zhao.min").post().uri("/api/v1/retention/dispositions/{id}/appraisals", d.id())
			.contentType(MediaType.APPLICATION_JSON).body(new NewAppraisal("CUSTODIAN", true, "期满，无保存价值"))
			.exchange().expectStatus().isOk();
		Api.as(port, "chen.jing").post().uri("/api/v1/retention/dispositions/{id}/appraisals", d.id())
			.contentType(MediaType.APPLICATION_JSON).body(new NewAppraisal("LEGAL_AFFAIRS", true, "无复议诉讼"))
			.exchange().expectStatus().isOk();

		var waiting = Page.fragment(Api.as(port, "sun.li").get().uri("/retention/fragments/waiting")
			.accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk().returnResult(String.class).getResponseBody());
		assertThat(waiting.all("li.waiting-disposition").eachText()).anyMatch(t -> t.contains(d.registerNumber()));

		var detail = page("sun.li", "/retention/dispositions/" + d.id());
		assertThat(detail.text("#status")).isEqualTo("待鉴定、审批");
		assertThat(detail.all("li.appraisal").eachText()).anyMatch(t -> t.contains("赵敏") && t.contains("同意销毁"));
		assertThat(detail.has("section#decide button[name=approve][value=true]")).isTrue();
		assertThat(detail.all("tr.item").eachText()).anyMatch(t -> t.contains("page-daily.mp4") && t.contains("原件"));
		assertThat(page("zhao.min", "/retention/dispositions/" + d.id()).has("section#decide"))
			.as("only the director decides").isFalse();

		var decision = new LinkedMultiValueMap<String, String>();
		decision.add("approve", "true");
		post("sun.li", "/retention/dispositions/" + d.id(), "/retention/dispositions/" + d.id() + "/decision", decision);
		assertThat(page("zhao.min", "/retention/dispositions/" + d.id()).has("form#carry-out")).isTrue();
	}
}
