package org.lawtrace.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.Page;
import org.lawtrace.Patience;
import org.lawtrace.compliance.ComplianceApi;
import org.lawtrace.cases.CaseApi;
import org.lawtrace.inspection.ViolationApi.NewViolation;
import org.lawtrace.inspection.ViolationApi.RulingInput;
import org.lawtrace.inspection.ViolationApi.Source;
import org.lawtrace.inspection.ViolationApi.ViolationView;
import org.lawtrace.staff.StaffApi;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The violation register (ART-22): the discipline unit registers, the officer is told and states a defence, the
 * discipline unit proposes and the director alone decides; a suspension from duty decided takes away the officer's
 * qualification (ART-08). Each test works on an officer of its own, so no demo officer is ever suspended.
 */
@LawTraceIntegrationTest
class ViolationRegisterIntegrationTests {

	private static final String PASSWORD = "Secret-pw1";
	private static final String CHANGED = "Changed-pw2";

	@LocalServerPort
	int port;

	@Test
	@DisplayName("ART-22: the officer is told and states a defence; the discipline unit proposes, only the director decides")
	void defenceProposalAndDecisionWithRoleRefusals() {
		var officer = newOfficer();
		var me = Api.as(port, officer, CHANGED);
		var discipline = Api.as(port, "zhou.tao");
		var director = Api.as(port, "sun.li");
		var id = register(officer, 3);

		var mine = me.get().uri("/api/v1/inspection/mine/violations").exchange().expectStatus().isOk()
			.returnResult(ViolationApi.VIOLATIONS).getResponseBody();
		assertThat(mine).extracting(ViolationView::id).contains(id);
		Api.as(port, "li.na").post().uri("/api/v1/inspection/violations/{id}/defence", id)
			.contentType(MediaType.APPLICATION_JSON).body(ViolationApi.defence("与我无关")).exchange()
			.expectStatus().isForbidden();
		var defended = me.post().uri("/api/v1/inspection/violations/{id}/defence", id)
			.contentType(MediaType.APPLICATION_JSON).body(ViolationApi.defence("当日下载系为准备听证材料，已经科长同意"))
			.exchange().expectStatus().isOk().returnResult(ViolationView.class).getResponseBody();
		assertThat(defended.officers().get(0).defence()).isEqualTo("当日下载系为准备听证材料，已经科长同意");

		var criticism = new RulingInput("CRITICISM", null, null, null, "初次违规");
		me.post().uri("/api/v1/inspection/violations/{id}/decision", id).contentType(MediaType.APPLICATION_JSON)
			.body(criticism).exchange().expectStatus().isForbidden();
		me.post().uri("/api/v1/inspection/violations/{id}/proposal", id).contentType(MediaType.APPLICATION_JSON)
			.body(criticism).exchange().expectStatus().isForbidden();
		director.post().uri("/api/v1/inspection/violations/{id}/decision", id).contentType(MediaType.APPLICATION_JSON)
			.body(criticism).exchange().expectStatus().isEqualTo(409);
		discipline.post().uri("/api/v1/inspection/violations/{id}/proposal", id).contentType(MediaType.APPLICATION_JSON)
			.body(criticism).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.state").isEqualTo("PROPOSED");
		discipline.post().uri("/api/v1/inspection/violations/{id}/decision", id).contentType(MediaType.APPLICATION_JSON)
			.body(criticism).exchange().expectStatus().isForbidden();

		var decided = director.post().uri("/api/v1/inspection/violations/{id}/decision", id)
			.contentType(MediaType.APPLICATION_JSON).body(new RulingInput("WARNING", null, null, "所在科室负责人作书面检查", "情节较重"))
			.exchange().expectStatus().isOk().returnResult(ViolationView.class).getResponseBody();
		assertThat(decided.state()).isEqualTo("DECIDED");
		assertThat(decided.decision().sanction()).isEqualTo("WARNING");
		assertThat(decided.decision().leaders()).isEqualTo("所在科室负责人作书面检查");
		assertThat(decided.decision().by().name()).isEqualTo("孙丽");
		me.post().uri("/api/v1/inspection/violations/{id}/defence", id).contentType(MediaType.APPLICATION_JSON)
			.body(ViolationApi.defence("补充申辩")).exchange().expectStatus().isEqualTo(409);

		var page = Page.of(me.get().uri("/inspection/mine/violations").exchange().expectStatus().isOk()
			.returnResult(String.class).getResponseBody());
		assertThat(page.text()).contains("警告").contains("当日下载系为准备听证材料").contains("已作出处理决定");
		var register = Page.of(director.get().uri("/inspection/violations/{id}", id).exchange().expectStatus().isOk()
			.returnResult(String.class).getResponseBody());
		assertThat(register.text()).contains("测试执法人员").contains("投诉举报").contains("所在科室负责人作书面检查");
	}

	@Test
	@DisplayName("ART-08, ART-22: a suspension from duty decided makes the officer unqualified, and naming him as handler of a new case is refused naming 第八条")
	void suspendedOfficerCannotBeNamedHandler() {
		var officer = newOfficer();
		var id = register(officer, 2);
		var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		var suspension = new RulingInput("SUSPENSION", today.minusDays(1), today.plusDays(30), null, "删除原始记录未遂");
		Api.as(port, "zhou.tao").post().uri("/api/v1/inspection/violations/{id}/proposal", id)
			.contentType(MediaType.APPLICATION_JSON).body(new RulingInput("SUSPENSION", today, null, null, null))
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("suspensionTo");
		Api.as(port, "zhou.tao").post().uri("/api/v1/inspection/violations/{id}/proposal", id)
			.contentType(MediaType.APPLICATION_JSON).body(suspension).exchange().expectStatus().isOk();
		Api.as(port, "sun.li").post().uri("/api/v1/inspection/violations/{id}/decision", id)
			.contentType(MediaType.APPLICATION_JSON).body(suspension).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.decision.suspensionTo").isEqualTo(today.plusDays(30).toString());

		Api.as(port, "admin").get().uri("/api/v1/staff/{u}/qualification", officer).exchange()
			.expectBody().jsonPath("$.enforcementOfficer").isEqualTo(false)
			.jsonPath("$.reasons[0]").value(String.class, r -> assertThat(r).contains("暂停执法资格"));
		Api.as(port, "admin").get()
			.uri(u -> u.path("/api/v1/staff/{u}/qualification").queryParam("date", today.plusDays(31)).build(officer))
			.exchange().expectBody().jsonPath("$.enforcementOfficer").isEqualTo(true);

		var body = new java.util.HashMap<>(Api.penaltyCase(Api.newCaseNumber()));
		body.put("handlers", List.of("zhang.wei", "li.na", officer));
		var problem = Api.as(port, "zhang.wei").post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
			.body(body).exchange().expectStatus().isBadRequest()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.returnResult(Api.Problem.class).getResponseBody();
		assertThat(problem.field()).isEqualTo("handlers");
		assertThat(problem.detail()).contains("第八条").contains("ART-08").contains("暂停执法资格");

		// the completeness checks say so too: a stage he attended counts him as no qualified officer
		var caseId = Api.openCase(port, Api.newCaseNumber());
		var start = java.time.Instant.now().minus(java.time.Duration.ofHours(1)).atZone(ZoneId.of("Asia/Shanghai"))
			.toOffsetDateTime();
		Api.as(port, "zhang.wei").post().uri("/api/v1/cases/{id}/stages", caseId).contentType(MediaType.APPLICATION_JSON)
			.body(new ComplianceApi.NewStage("QUESTIONING", start, start.plusMinutes(30), List.of("zhang.wei", officer)))
			.exchange().expectStatus().isCreated();
		await().atMost(Patience.of(java.time.Duration.ofSeconds(30))).untilAsserted(() -> assertThat(
				Api.as(port, "zhang.wei").get().uri("/api/v1/cases/{id}/compliance", caseId).exchange()
					.returnResult(ComplianceApi.Checklist.class).getResponseBody().stages().get(0).open())
			.anySatisfy(f -> {
				assertThat(f.article()).isEqualTo("ART-08");
				assertThat(f.detail()).contains("暂停执法资格");
			}));
	}

	@Test
	@DisplayName("ART-22: a violation registered from a signal marks the signal 已立案; an officer cannot register one")
	void registeringFromASignalTriagesIt() {
		var officer = newOfficer();
		Api.as(port, officer, CHANGED).post().uri("/api/v1/inspection/violations")
			.contentType(MediaType.APPLICATION_JSON)
			.body(new NewViolation(List.of(officer), 3, List.of(new Source("COMPLAINT", null, "群众来信")), "自己登记"))
			.exchange().expectStatus().isForbidden();
		var tooFew = Api.as(port, "zhou.tao").post().uri("/api/v1/inspection/violations")
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("item", 3, "facts", "无来源")).exchange()
			.expectStatus().isBadRequest().returnResult(Api.Problem.class).getResponseBody();
		assertThat(tooFew.field()).isEqualTo("officers");
	}

	private String register(String officer, int item) {
		return Api.as(port, "zhou.tao").post().uri("/api/v1/inspection/violations")
			.contentType(MediaType.APPLICATION_JSON)
			.body(new NewViolation(List.of(officer), item, List.of(new Source("COMPLAINT", null, "当事人投诉")),
					"2026年12月5日一天内下载原始音像记录三十余次"))
			.exchange().expectStatus().isCreated().returnResult(ViolationView.class).getResponseBody().id();
	}

	/** A permanent officer with a valid certificate, his first password changed; answers his login. */
	private String newOfficer() {
		var admin = Api.as(port, "admin");
		var unitId = admin.get().uri("/api/v1/staff/zhang.wei").exchange().returnResult(StaffApi.StaffView.class)
			.getResponseBody().unitId();
		var username = "v" + UUID.randomUUID().toString().substring(0, 8);
		admin.post().uri("/api/v1/staff").contentType(MediaType.APPLICATION_JSON)
			.body(new StaffApi.NewStaff(username, "测试执法人员", username, unitId, true, List.of("OFFICER"), PASSWORD))
			.exchange().expectStatus().isCreated();
		admin.post().uri("/api/v1/staff/{u}/certificates", username).contentType(MediaType.APPLICATION_JSON)
			.body(new StaffApi.NewCertificate("V" + username, "浙江省人民政府", LocalDate.parse("2024-01-01"),
					LocalDate.parse("2030-12-31")))
			.exchange().expectStatus().isCreated();
		RestTestClient fresh = Api.as(port, username, PASSWORD);
		fresh.post().uri("/api/v1/staff/me/password").contentType(MediaType.APPLICATION_JSON)
			.body(new StaffApi.PasswordChange(PASSWORD, CHANGED)).exchange().expectStatus().is2xxSuccessful();
		return username;
	}
}
