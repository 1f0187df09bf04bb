package org.lawtrace.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.cases.CaseApi;
import org.lawtrace.cases.CaseApi.CaseView;
import org.lawtrace.recordings.RecordingApi.CorrectionView;
import org.lawtrace.recordings.RecordingApi.Decision;
import org.lawtrace.recordings.RecordingApi.NewCorrection;
import org.lawtrace.recordings.RecordingApi.RecordingView;
import org.lawtrace.recordings.RecordingApi.Revision;
import org.lawtrace.recordings.RecordingApi.RevisionView;
import org.lawtrace.recordings.RecordingApi.UploadMetadata;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Issue 11: nobody reads, detaches or re-labels a recording without approval and a trace. Who may open a recording
 * follows only from facts nobody can edit; changing its recorder, times or case link is a correction a leader
 * decides; a closed case's records are frozen (ART-14, ART-20, ART-22).
 */
@LawTraceIntegrationTest
class RecordingCorrectionIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private static long seed = System.nanoTime() ^ 0x5eed;

	private static final ParameterizedTypeReference<List<CorrectionView>> CORRECTIONS =
			new ParameterizedTypeReference<>() {
			};

	private static final ParameterizedTypeReference<List<RevisionView>> REVISIONS = new ParameterizedTypeReference<>() {
	};

	@Test
	@DisplayName("ART-20, ART-22: the custodian cannot name herself recorder and unlink a recording to read it "
			+ "(issue 11, finding 1); her correction, even approved, opens nothing to her")
	void theCustodianCannotRelabelHerWayToTheContent() {
		var caseId = Api.openCase(port, Api.newCaseNumber());
		var id = upload("zhang.wei", UploadMetadata.by("zhang.wei").inCase(caseId));
		assertThat(status("zhao.min", "/api/v1/recordings/{id}/content", id)).isEqualTo(403);

		refused(revise("zhao.min", id, Revision.because("档案整理").unlinking().recordedBy("zhao.min")), 409,
				"recordedBy");
		refused(revise("zhao.min", id, Revision.because("档案整理").unlinking()), 409, "unlink");
		assertThat(status("zhao.min", "/api/v1/recordings/{id}/content", id)).isEqualTo(403);
		assertThat(currentVersion(id)).isEqualTo(1);
		// ART-22: each attempt is in the audit log against the recording
		assertThat(jdbc.sql("select count(*) from audit_entry where subject_type = 'RECORDING' and subject_id = ? "
				+ "and action = 'REVISION' and actor = 'zhao.min' and outcome = 'REFUSED'").param(id)
			.query(Long.class).single()).isEqualTo(2);

		// the same as a correction: asked, decided by the deputy director in charge, and still no content for her
		var correction = correct("zhao.min", id, NewCorrection.because("档案整理").unlinking().recordedBy("zhao.min"))
			.expectStatus().isCreated()
			.returnResult(CorrectionView.class).getResponseBody();
		assertThat(correction.status()).isEqualTo("PENDING");
		assertThat(correction.statusName()).isEqualTo("待审批");
		var decided = decide("liu.yang", correction.id(), "approval").expectStatus().isOk()
			.returnResult(CorrectionView.class).getResponseBody();
		assertThat(decided.status()).isEqualTo("APPROVED");
		assertThat(decided.decidedBy().name()).isEqualTo("刘洋");
		assertThat(decided.appliedVersion()).isEqualTo(2);
		assertThat(currentVersion(id)).isEqualTo(2);
		assertThat(status("zhao.min", "/api/v1/recordings/{id}/content", id)).isEqualTo(403);
		// the recording left the case; nobody reads it by having made it once it was in a case
		assertThat(status("zhang.wei", "/api/v1/recordings/{id}/content", id)).isEqualTo(404);
	}

	@Test
	@DisplayName("ART-14, ART-20: a handler who closed the case cannot unlink its recording and read it again "
			+ "(issue 11, finding 2); nor upload into or link to the closed case")
	void aClosedCaseIsFrozen() {
		var caseId = Api.openCase(port, Api.newCaseNumber());
		var id = upload("zhang.wei", UploadMetadata.by("zhang.wei").inCase(caseId));
		var later = upload("zhang.wei", UploadMetadata.by("zhang.wei"));
		Api.as(port, "zhang.wei").post().uri("/api/v1/cases/{id}/close", caseId).exchange().expectStatus().isOk();
		assertThat(status("zhang.wei", "/api/v1/recordings/{id}/content", id)).isEqualTo(404);

		// once the case is closed its handler may not see the recording at all (ART-20): it does not exist to them
		revise("zhang.wei", id, Revision.because("误关联").unlinking()).expectStatus().isNotFound();
		revise("zhang.wei", id, Revision.because("调整环节").linking(caseId)).expectStatus().isNotFound();
		// the custodian, who sees it, is refused because the case is closed (ART-14)
		refused(revise("zhao.min", id, Revision.because("调整环节").linking(caseId)), 409, "caseId");
		assertThat(status("zhang.wei", "/api/v1/recordings/{id}/content", id)).isEqualTo(404);
		assertThat(currentVersion(id)).isEqualTo(1);

		refused(revise("zhang.wei", later, Revision.because("补入已结案案件").toCase(caseId)), 409, "caseId");
		refused(Uploads.upload(Api.as(port, "zhang.wei"), UploadMetadata.by("zhang.wei").inCase(caseId), photo(),
				"late-" + seed + ".jpg"), 409, "caseId");

		// only an approved correction changes the closed case's records, and the case file shows it as such
		var correctionId = correct("zhao.min", id, NewCorrection.because("误关联，实为另案录像").unlinking())
			.expectStatus().isCreated().returnResult(CorrectionView.class).getResponseBody().id();
		decide("liu.yang", correctionId, "approval").expectStatus().isOk();
		assertThat(currentVersion(id)).isEqualTo(2);
		assertThat(status("zhang.wei", "/api/v1/recordings/{id}/content", id)).isEqualTo(404);
		var file = Api.as(port, "zhao.min").get().uri("/api/v1/cases/{id}/file", caseId).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(file).contains("更正记录", "音像记录更正：解除与本案的关联", "申请人 赵敏", "批准人 刘洋",
				"误关联，实为另案录像");
	}

	@Test
	@DisplayName("ART-14, ART-20: a correction is asked with a reason, decided only by the deputy director in charge "
			+ "(or the director), and becomes a new revision by the requester; the case and the record show it")
	void aCorrectionIsDecidedByTheDeputyInCharge() {
		var caseId = Api.openCase(port, Api.newCaseNumber());
		var id = upload("li.na", UploadMetadata.by("li.na").inCase(caseId));
		refused(revise("li.na", id, Revision.because("记录人填错").recordedBy("zhang.wei")), 409, "recordedBy");
		refused(revise("li.na", id, Revision.because("时间填错")
			.startedAt(Instant.now().minus(Duration.ofDays(1)).toString())), 409, "startedAt");
		var other = Api.openCase(port, Api.newCaseNumber());
		refused(revise("li.na", id, Revision.because("关联错案件").toCase(other)), 409, "caseId");

		correct("li.na", id, NewCorrection.because(null).recordedBy("zhang.wei")).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("reason");
		var correctionId = correct("li.na", id, NewCorrection.because("实际由张伟拍摄").recordedBy("zhang.wei"))
			.expectStatus().isCreated().returnResult(CorrectionView.class).getResponseBody().id();

		// ART-20's routing: the team's deputy director sees it to decide; the other deputy neither sees nor decides it
		assertThat(pending("liu.yang")).contains(correctionId);
		assertThat(pending("he.jun")).doesNotContain(correctionId);
		decide("he.jun", correctionId, "approval").expectStatus().isForbidden();
		decide("zhao.min", correctionId, "approval").expectStatus().isForbidden();
		assertThat(currentVersion(id)).isEqualTo(1);

		// the deputy's home page lists it to decide, in Chinese, people by name
		assertThat(Api.as(port, "liu.yang").get().uri("/recordings/fragments/corrections-to-decide")
			.header("HX-Request", "true").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody())
			.contains("待审批的记录更正", "记录人改为 张伟", "李娜", "实际由张伟拍摄", "批准", "不予批准");

		decide("liu.yang", correctionId, "approval").expectStatus().isOk();
		decide("sun.li", correctionId, "rejection").expectStatus().isEqualTo(409);
		var revisions = Api.as(port, "zhao.min").get().uri("/api/v1/recordings/{id}/revisions", id).exchange()
			.expectStatus().isOk().returnResult(REVISIONS).getResponseBody();
		assertThat(revisions).hasSize(2);
		assertThat(revisions.get(1).recordedBy().username()).isEqualTo("zhang.wei");
		assertThat(revisions.get(1).changedBy().username()).isEqualTo("li.na");
		assertThat(revisions.get(1).reason()).isEqualTo("实际由张伟拍摄");
		assertThat(revisions.get(1).approvedBy().name()).isEqualTo("刘洋");
		var asked = Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}/corrections", id).exchange()
			.expectStatus().isOk().returnResult(CORRECTIONS).getResponseBody().get(0);
		assertThat(asked.requestedBy().name()).isEqualTo("李娜");
		assertThat(asked.decidedBy().name()).isEqualTo("刘洋");
		assertThat(asked.statusName()).isEqualTo("已批准");
		// ART-22: asked, approved and applied, each in the audit log against the recording
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("select action || ' ' || actor "
				+ "from audit_entry where subject_type = 'RECORDING' and subject_id = ? order by seq").param(id)
			.query(String.class).list())
			.contains("CORRECTION_REQUESTED li.na", "CORRECTION_APPROVED liu.yang", "REVISION li.na"));

		// the case page lists it, people by name, in Chinese
		var section = Api.as(port, "zhang.wei").get().uri("/recordings/fragments/case/{id}", caseId)
			.header("HX-Request", "true").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(section).contains("记录更正", "实际由张伟拍摄", "记录人改为 张伟", "李娜", "刘洋", "已批准")
			.doesNotContain(correctionId, "zhang.wei", "APPROVED");
		var recordingPage = Api.as(port, "li.na").get().uri("/recordings/{id}", id).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(recordingPage).contains("更正申请", "实际由张伟拍摄", "刘洋", "已批准");
	}

	@Test
	@DisplayName("ART-20: nobody decides their own correction, not even a deputy director; a move into a case the "
			+ "requester handles, of a record they may not open, is refused")
	void nobodyDecidesTheirOwnCorrection() {
		var id = upload("chen.hao", UploadMetadata.by("chen.hao"));
		var chenHao = jdbc.sql("select id from staff_member where username = 'chen.hao'").query(java.util.UUID.class).single();
		jdbc.sql("insert into staff_role (staff_id, role) values (?, 'DEPUTY_DIRECTOR')").param(chenHao).update();
		try {
			var correctionId = correct("chen.hao", id, NewCorrection.because("记录人填错").recordedBy("li.na"))
				.expectStatus().isCreated().returnResult(CorrectionView.class).getResponseBody().id();
			assertThat(pending("chen.hao")).doesNotContain(correctionId);
			decide("chen.hao", correctionId, "approval").expectStatus().isForbidden()
				.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(currentVersion(id)).isEqualTo(1);
			decide("sun.li", correctionId, "rejection").expectStatus().isBadRequest()
				.expectBody().jsonPath("$.field").isEqualTo("reason");
			var rejected = Api.as(port, "sun.li").post().uri("/api/v1/corrections/{id}/rejection", correctionId)
				.contentType(MediaType.APPLICATION_JSON).body(Decision.reason("无依据")).exchange()
				.expectStatus().isOk().returnResult(CorrectionView.class).getResponseBody();
			assertThat(rejected.status()).isEqualTo("REJECTED");
			assertThat(currentVersion(id)).isEqualTo(1);
		}
		finally {
			jdbc.sql("delete from staff_role where staff_id = ? and role = 'DEPUTY_DIRECTOR'").param(chenHao).update();
		}
	}

	@Test
	@DisplayName("ART-20: a correction of a record of a major case (重大案件) is decided by the director, not a deputy")
	void aMajorCasesCorrectionIsTheDirectors() {
		var caseId = Api.as(port, "zhang.wei").post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
			.body(CaseApi.penaltyCase(Api.newCaseNumber()).withMajor(true)).exchange().expectStatus().isCreated()
			.returnResult(CaseView.class).getResponseBody().id();
		var id = upload("li.na", UploadMetadata.by("li.na").inCase(caseId));
		var correctionId = correct("li.na", id, NewCorrection.because("实际由张伟拍摄").recordedBy("zhang.wei"))
			.expectStatus().isCreated().returnResult(CorrectionView.class).getResponseBody().id();
		assertThat(pending("liu.yang")).doesNotContain(correctionId);
		assertThat(pending("sun.li")).contains(correctionId);
		decide("liu.yang", correctionId, "approval").expectStatus().isForbidden();
		assertThat(decide("sun.li", correctionId, "approval").expectStatus().isOk()
			.returnResult(CorrectionView.class).getResponseBody().decidedBy().name()).isEqualTo("孙丽");
		assertThat(currentVersion(id)).isEqualTo(2);
	}

	@Test
	@DisplayName("ART-14, ART-20: on the pages, a changed recorder saved as a revision is refused beside its field; asked "
			+ "as a correction it waits on the record's page, and the deputy in charge approves it from his home page")
	void correctionsOnThePages() {
		var caseId = Api.openCase(port, Api.newCaseNumber());
		var id = upload("li.na", UploadMetadata.by("li.na").inCase(caseId));
		var officer = session("li.na", "/recordings/" + id);
		var refused = Api.as(port, "li.na").post().uri("/recordings/{id}/revisions", id)
			.header(HttpHeaders.COOKIE, officer[0]).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("_csrf=" + officer[1] + "&caseId=" + caseId + "&recordedBy=zhang.wei&reason=" + encoded("记录人填错"))
			.exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(refused).contains("recordedBy-error", "更改记录人须提出更正申请");
		assertThat(currentVersion(id)).isEqualTo(1);

		Api.as(port, "li.na").post().uri("/recordings/{id}/corrections", id)
			.header(HttpHeaders.COOKIE, officer[0]).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("_csrf=" + officer[1] + "&caseId=" + caseId + "&recordedBy=zhang.wei&reason=" + encoded("实际由张伟拍摄"))
			.exchange()
			.expectStatus().isFound()
			.expectHeader().valueMatches(HttpHeaders.LOCATION, ".*/recordings/" + id + "#corrections");
		var page = Api.as(port, "li.na").get().uri("/recordings/{id}", id).header(HttpHeaders.COOKIE, officer[0])
			.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("记录人改为 张伟", "实际由张伟拍摄", "待审批").doesNotContain("correction-approve");
		var correctionId = Api.as(port, "li.na").get().uri("/api/v1/recordings/{id}/corrections", id).exchange()
			.expectStatus().isOk().returnResult(CORRECTIONS).getResponseBody().stream()
			.map(CorrectionView::id).findFirst().orElseThrow();

		var deputy = session("liu.yang", "/");
		Api.as(port, "liu.yang").post().uri("/recordings/corrections/{id}/decision", correctionId)
			.header(HttpHeaders.COOKIE, deputy[0]).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("_csrf=" + deputy[1] + "&approve=true&reason=" + encoded("同意")).exchange()
			.expectStatus().isFound();
		assertThat(currentVersion(id)).isEqualTo(2);
	}

	private static String encoded(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	/** A page's session cookie and CSRF token for {@code who}. */
	private String[] session(String who, String path) {
		var form = Api.as(port, who).get().uri(path).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
			.returnResult(String.class);
		var cookie = form.getResponseHeaders().get(HttpHeaders.SET_COOKIE).stream()
			.filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow().split(";")[0];
		var matcher = java.util.regex.Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"")
			.matcher(form.getResponseBody());
		assertThat(matcher.find()).isTrue();
		return new String[] { cookie, matcher.group(1) };
	}

	private byte[] photo() {
		return Media.jpeg(LocalDateTime.now().minusHours(2).withNano(0), 29.29, 120.24, seed++);
	}

	private String upload(String who, UploadMetadata metadata) {
		var bytes = Media.mp4(Instant.now().minus(Duration.ofHours(2)), Duration.ofMinutes(3), 2048, seed++);
		return Uploads.upload(Api.as(port, who), metadata, bytes, "clip-" + seed + ".mp4").expectStatus().isCreated()
			.returnResult(RecordingView.class).getResponseBody().id();
	}

	private RestTestClient.ResponseSpec revise(String who, String id, Revision body) {
		return Api.as(port, who).post().uri("/api/v1/recordings/{id}/revisions", id)
			.contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

	private RestTestClient.ResponseSpec correct(String who, String id, NewCorrection body) {
		return Api.as(port, who).post().uri("/api/v1/recordings/{id}/corrections", id)
			.contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

	/** Decides without a reason: the body is {@code {}}. */
	private RestTestClient.ResponseSpec decide(String who, String correctionId, String decision) {
		return Api.as(port, who).post().uri("/api/v1/corrections/{id}/" + decision, correctionId)
			.contentType(MediaType.APPLICATION_JSON).body(new Decision(null, null)).exchange();
	}

	private List<String> pending(String who) {
		return Api.as(port, who).get().uri("/api/v1/corrections?status=PENDING").exchange().expectStatus().isOk()
			.returnResult(CORRECTIONS).getResponseBody().stream().map(CorrectionView::id).toList();
	}

	private int status(String who, String path, String id) {
		return Api.as(port, who).get().uri(path, id).exchange().returnResult(byte[].class).getStatus().value();
	}

	private int currentVersion(String id) {
		return jdbc.sql("select version from recordings_revision where recording_id = ? and current = true")
			.param(java.util.UUID.fromString(id)).query(Integer.class).single();
	}

	private static void refused(RestTestClient.ResponseSpec response, int status, String field) {
		var problem = response.expectStatus().isEqualTo(status)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.returnResult(Api.Problem.class).getResponseBody();
		assertThat(problem.status()).isEqualTo(status);
		assertThat(problem.field()).isEqualTo(field);
	}
}
