package org.lawtrace.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.shared.BureauTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

@LawTraceIntegrationTest
class StaffApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	BureauTime time;

	@Test
	@DisplayName("ART-08: a permanent officer with a valid certificate is an enforcement officer today")
	void certifiedPermanentOfficerIsQualified() {
		Api.as(port, "admin").get().uri("/api/v1/staff/zhang.wei/qualification").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.enforcementOfficer").isEqualTo(true)
			.jsonPath("$.mayRecordText").isEqualTo(true)
			.jsonPath("$.mayRecordAudioVisual").isEqualTo(true)
			.jsonPath("$.date").isEqualTo(time.today().toString());
	}

	@Test
	@DisplayName("ART-08: an expired certificate disqualifies today, but not on a day it was still valid")
	void expiredCertificateDisqualifiesOnlyAfterItsEnd() {
		var api = Api.as(port, "zhang.wei");
		api.get().uri("/api/v1/staff/huang.lei/qualification").exchange()
			.expectBody()
			.jsonPath("$.enforcementOfficer").isEqualTo(false)
			.jsonPath("$.mayRecordAudioVisual").isEqualTo(false)
			.jsonPath("$.reasons[0]").value(String.class, r -> assertThat(r).contains("expired"));
		var whileValid = time.today().minusMonths(2);
		api.get().uri(u -> u.path("/api/v1/staff/huang.lei/qualification").queryParam("date", whileValid).build())
			.exchange()
			.expectBody().jsonPath("$.enforcementOfficer").isEqualTo(true);
	}

	@Test
	@DisplayName("ART-08: an assistant may make audio-visual records only")
	void assistantMayRecordAudioVisualOnly() {
		Api.as(port, "zhang.wei").get().uri("/api/v1/staff/wang.qiang/qualification").exchange()
			.expectBody()
			.jsonPath("$.enforcementOfficer").isEqualTo(false)
			.jsonPath("$.mayRecordText").isEqualTo(false)
			.jsonPath("$.mayRecordAudioVisual").isEqualTo(true);
	}

	@Test
	@DisplayName("ART-08: a revoked certificate stops counting from the day of revocation")
	void revokedCertificateStopsCounting() {
		var username = newStaff(true, List.of("OFFICER"));
		var admin = Api.as(port, "admin");
		var number = "CERT" + UUID.randomUUID().toString().substring(0, 8);
		admin.post().uri("/api/v1/staff/{u}/certificates", username).contentType(MediaType.APPLICATION_JSON)
			.body(new StaffApi.NewCertificate(number, "浙江省人民政府", LocalDate.parse("2024-01-01"),
					LocalDate.parse("2030-12-31")))
			.exchange().expectStatus().isCreated();
		admin.get().uri(u -> u.path("/api/v1/staff/{u}/qualification").queryParam("date", "2026-05-01").build(username))
			.exchange().expectBody().jsonPath("$.enforcementOfficer").isEqualTo(true);
		admin.post().uri("/api/v1/certificates/{n}/revocation", number).contentType(MediaType.APPLICATION_JSON)
			.body(new StaffApi.Revocation(LocalDate.parse("2026-05-01"), "调离执法岗位")).exchange()
			.expectStatus().isNoContent();
		admin.get().uri(u -> u.path("/api/v1/staff/{u}/qualification").queryParam("date", "2026-05-01").build(username))
			.exchange().expectBody().jsonPath("$.enforcementOfficer").isEqualTo(false);
		admin.get().uri(u -> u.path("/api/v1/staff/{u}/qualification").queryParam("date", "2026-04-30").build(username))
			.exchange().expectBody().jsonPath("$.enforcementOfficer").isEqualTo(true);
	}

	@Test
	void onlyTheAdministratorRegistersStaff() {
		Api.as(port, "sun.li").post().uri("/api/v1/staff").contentType(MediaType.APPLICATION_JSON)
			.body(new StaffApi.NewStaff("x.y", "某", "X1", UUID.randomUUID(), true, List.of("OFFICER"), null))
			.exchange().expectStatus().isForbidden();
	}

	@Test
	void refusesDuplicateUsernameAndUnknownRoleNamingTheField() {
		var admin = Api.as(port, "admin");
		var unitId = admin.get().uri("/api/v1/staff/zhang.wei").exchange().returnResult(StaffApi.StaffView.class)
			.getResponseBody().unitId();
		admin.post().uri("/api/v1/staff").contentType(MediaType.APPLICATION_JSON)
			.body(new StaffApi.NewStaff("zhang.wei", "重名", "DUP" + System.nanoTime(), unitId, true,
					List.of("OFFICER"), null))
			.exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.field").isEqualTo("username");
		admin.post().uri("/api/v1/staff").contentType(MediaType.APPLICATION_JSON)
			.body(new StaffApi.NewStaff("new.one", "新人", "N1", unitId, true, List.of("EMPEROR"), null))
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("roles[0]");
	}

	@Test
	@DisplayName("Bearer tokens: an issued token works for API calls until it is revoked")
	void bearerTokenWorksUntilRevoked() {
		var officer = Api.as(port, "li.na");
		var issued = officer.post().uri("/api/v1/staff/me/tokens").contentType(MediaType.APPLICATION_JSON)
			.body(new StaffApi.NewToken("采集站测试")).exchange()
			.expectStatus().isCreated()
			.returnResult(StaffApi.IssuedToken.class).getResponseBody();
		var token = issued.token();
		assertThat(token).startsWith("lt_");
		Api.bearer(port, token).get().uri("/api/v1/cases").exchange().expectStatus().isOk();
		officer.get().uri("/api/v1/staff/me/tokens").exchange()
			.expectBody(String.class).value(body -> assertThat(body).doesNotContain(token).contains("采集站测试"));
		officer.delete().uri("/api/v1/staff/me/tokens/{id}", issued.id()).exchange().expectStatus().isNoContent();
		Api.bearer(port, token).get().uri("/api/v1/cases").exchange().expectStatus().isUnauthorized();
		Api.bearer(port, "lt_guessed").get().uri("/api/v1/cases").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void everyoneSignedInReadsUnitsButNobodyAnonymous() {
		Api.as(port, "wang.qiang").get().uri("/api/v1/units").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$[?(@.code == 'DY-JCD')].name").isEqualTo(List.of("执法稽查队"));
		Api.anonymous(port).get().uri("/api/v1/units").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void publishesTheApiContract() {
		Api.as(port, "zhang.wei").get().uri("/v3/api-docs").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.paths['/api/v1/cases']").exists()
			.jsonPath("$.paths['/api/v1/cases/{id}/stages']").exists();
	}

	@Test
	void healthIsOpenForProbes() {
		Api.anonymous(port).get().uri("/actuator/health").exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
	}

	private String newStaff(boolean permanent, List<String> roles) {
		var admin = Api.as(port, "admin");
		var unitId = admin.get().uri("/api/v1/staff/zhang.wei").exchange().returnResult(StaffApi.StaffView.class)
			.getResponseBody().unitId();
		var username = "t" + UUID.randomUUID().toString().substring(0, 8);
		admin.post().uri("/api/v1/staff").contentType(MediaType.APPLICATION_JSON)
			.body(new StaffApi.NewStaff(username, "测试人员", username, unitId, permanent, roles, "Secret-pw1"))
			.exchange().expectStatus().isCreated();
		return username;
	}
}
