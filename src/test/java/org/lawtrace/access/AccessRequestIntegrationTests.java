package org.lawtrace.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.MovableClock;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.Uploads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * ART-20 over the API: every route of a request (deputy director in charge, director for major cases), every
 * refusal (own request, wrong role, outside the charge, deputy on a major case, deciding twice), grants that run
 * out or are revoked, and the handlers' own open case, all against the real content route.
 */
@LawTraceIntegrationTest
class AccessRequestIntegrationTests {

	private static long seed = System.nanoTime();

	@LocalServerPort
	int port;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** A case handled by zhang.wei and li.na (执法稽查队, in liu.yang's charge), with one recording of it. */
	private record Filmed(String caseId, String recordingId) {
	}

	private Filmed filmed(boolean major) {
		var caseId = Api.as(port, "zhang.wei").post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
			.body(AccessApi.NewCase.penalty(Api.newCaseNumber(), major)).exchange().expectStatus().isCreated()
			.returnResult(AccessApi.Created.class).getResponseBody().id();
		return new Filmed(caseId, upload(caseId));
	}

	private String upload(String caseId) {
		var bytes = Media.mp4(Instant.now().minusSeconds(3600), Duration.ofMinutes(5), 2048, seed++);
		return Uploads.upload(Api.as(port, "zhang.wei"), Map.of("recordedBy", "zhang.wei", "caseId", caseId), bytes,
				"access.mp4")
			.expectStatus().isCreated().expectBody(AccessApi.Created.class).returnResult().getResponseBody().id();
	}

	private RestTestClient.ResponseSpec play(String who, String recordingId) {
		return Api.as(port, who).get().uri("/api/v1/recordings/{id}/content", recordingId).exchange();
	}

	/** Asks with a typed request, or with a map where a test sends what the record cannot say. */
	private RestTestClient.ResponseSpec ask(String who, Object body) {
		return Api.as(port, who).post().uri("/api/v1/access-requests").contentType(MediaType.APPLICATION_JSON)
			.body(body).exchange();
	}

	private String askForCase(String who, String caseId, int days) {
		return ask(who, AccessApi.NewAccessRequest.wholeCase(caseId, "复议答复需要核对现场执法过程", days))
			.expectStatus().isCreated()
			.expectBody(AccessApi.AccessRequestView.class).returnResult().getResponseBody().id();
	}

	private RestTestClient.ResponseSpec decide(String who, String requestId, String decision, String opinion) {
		return Api.as(port, who).post().uri("/api/v1/access-requests/{id}/" + decision, requestId)
			.contentType(MediaType.APPLICATION_JSON).body(new AccessApi.Decision(opinion)).exchange();
	}

	private RestTestClient.ResponseSpec revoke(String who, String requestId) {
		return Api.as(port, who).post().uri("/api/v1/access-requests/{id}/revocation", requestId)
			.contentType(MediaType.APPLICATION_JSON).body(new AccessApi.Revocation("不再需要")).exchange();
	}

	private void refused(RestTestClient.ResponseSpec response, int status) {
		response.expectStatus().isEqualTo(status)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private List<String> toDecide(String who) {
		return Stream.of(Api.as(port, who).get().uri("/api/v1/access-requests/to-decide").exchange().expectStatus().isOk()
			.expectBody(AccessApi.AccessRequestView[].class).returnResult().getResponseBody()).map(AccessApi.AccessRequestView::id)
			.toList();
	}

	private List<Map<String, Object>> audit(String requestId) {
		return jdbc.sql("select actor, action, outcome from audit_entry where subject_type = 'ACCESS_REQUEST' "
				+ "and subject_id = ? order by seq").param(requestId).query().listOfRows();
	}

	/**
	 * Entries logged after commit arrive a moment later: polls until {@code entries} are there, giving up after a
	 * bound that scales with the machine, and answers what is there then (the caller's assertion names the gap).
	 */
	private List<Map<String, Object>> auditWithin(String requestId, int entries) throws InterruptedException {
		try {
			return org.awaitility.Awaitility.await().atMost(org.lawtrace.Patience.of(Duration.ofSeconds(20)))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> audit(requestId), found -> found.size() >= entries);
		}
		catch (org.awaitility.core.ConditionTimeoutException notYet) {
			return audit(requestId);
		}
	}

	@Test
	@DisplayName("ART-20: the deputy director in charge of the requester's unit approves ordinary access; "
			+ "another deputy is refused, and the refusal is logged")
	void deputyInChargeApprovesOrdinaryAccess() throws InterruptedException {
		var filmed = filmed(false);
		play("chen.jing", filmed.recordingId()).expectStatus().isNotFound();

		// chen.jing sits in 法规科, which liu.yang is in charge of; he.jun is in charge of other units
		var requestId = askForCase("chen.jing", filmed.caseId(), 3);
		Api.as(port, "chen.jing").get().uri("/api/v1/access-requests/{id}", requestId).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.route").isEqualTo("DEPUTY_DIRECTOR").jsonPath("$.standing").isEqualTo("PENDING")
			.jsonPath("$.caseLabels.major").isEqualTo(false);
		assertThat(toDecide("liu.yang")).contains(requestId);
		assertThat(toDecide("he.jun")).doesNotContain(requestId);

		refused(decide("he.jun", requestId, "approval", "同意"), 403);
		decide("liu.yang", requestId, "approval", "同意，限于复议答复使用").expectStatus().isOk().expectBody()
			.jsonPath("$.status").isEqualTo("APPROVED")
			.jsonPath("$.standing").isEqualTo("GRANTED")
			.jsonPath("$.decidedBy.username").isEqualTo("liu.yang")
			.jsonPath("$.opinion").isEqualTo("同意，限于复议答复使用")
			.jsonPath("$.grantedUntil").exists();

		play("chen.jing", filmed.recordingId()).expectStatus().isOk();
		// a grant is the requester's own: nobody else gains by it
		play("zhou.tao", filmed.recordingId()).expectStatus().isNotFound();
		assertThat(toDecide("liu.yang")).doesNotContain(requestId);
		assertThat(auditWithin(requestId, 3)).extracting(e -> e.get("actor") + " " + e.get("action") + " " + e.get("outcome"))
			.contains("chen.jing ACCESS_REQUESTED SUCCESS", "he.jun ACCESS_GRANTED REFUSED",
					"liu.yang ACCESS_GRANTED SUCCESS");
	}

	@Test
	@DisplayName("ART-20: access to a major or complex case goes to the director; a deputy director may not approve it")
	void directorApprovesMajorCase() {
		var filmed = filmed(true);
		var requestId = askForCase("chen.jing", filmed.caseId(), 5);
		Api.as(port, "chen.jing").get().uri("/api/v1/access-requests/{id}", requestId).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.route").isEqualTo("DIRECTOR").jsonPath("$.caseLabels.major").isEqualTo(true);
		assertThat(toDecide("sun.li")).contains(requestId);
		assertThat(toDecide("liu.yang")).doesNotContain(requestId);

		refused(decide("liu.yang", requestId, "approval", "同意"), 403);
		play("chen.jing", filmed.recordingId()).expectStatus().isNotFound();
		decide("sun.li", requestId, "approval", "同意").expectStatus().isOk().expectBody()
			.jsonPath("$.standing").isEqualTo("GRANTED");
		play("chen.jing", filmed.recordingId()).expectStatus().isOk();
	}

	@Test
	@DisplayName("ART-20: approving one's own request, approving without the role, and deciding twice are refused")
	void othersAreRefused() throws InterruptedException {
		var filmed = filmed(false);
		// liu.yang sits in the bureau itself, which no deputy is in charge of: the director decides
		var own = askForCase("liu.yang", filmed.caseId(), 2);
		Api.as(port, "liu.yang").get().uri("/api/v1/access-requests/{id}", own).exchange().expectBody()
			.jsonPath("$.route").isEqualTo("DIRECTOR");
		assertThat(toDecide("liu.yang")).doesNotContain(own);
		refused(decide("liu.yang", own, "approval", "同意"), 403);
		play("liu.yang", filmed.recordingId()).expectStatus().isNotFound();

		var requestId = askForCase("chen.jing", filmed.caseId(), 2);
		for (var withoutRole : List.of("zhou.tao", "zhang.wei", "chen.jing", "admin")) {
			refused(decide(withoutRole, requestId, "approval", "同意"), 403);
		}
		decide("liu.yang", requestId, "rejection", "事由不充分，请补充说明").expectStatus().isOk().expectBody()
			.jsonPath("$.standing").isEqualTo("REJECTED");
		refused(decide("liu.yang", requestId, "approval", "同意"), 409);
		refused(decide("sun.li", requestId, "approval", "同意"), 409);
		play("chen.jing", filmed.recordingId()).expectStatus().isNotFound();
		assertThat(auditWithin(own, 2)).extracting(e -> e.get("actor") + " " + e.get("outcome"))
			.contains("liu.yang REFUSED");
		assertThat(auditWithin(requestId, 4)).extracting(e -> e.get("actor") + " " + e.get("action") + " " + e.get("outcome"))
			.contains("liu.yang ACCESS_REJECTED SUCCESS", "liu.yang ACCESS_GRANTED REFUSED", "sun.li ACCESS_GRANTED REFUSED");
	}

	@Test
	@DisplayName("ART-20: a rejection needs an opinion; nothing is decided without one")
	void rejectionNeedsAnOpinion() {
		var filmed = filmed(false);
		var requestId = askForCase("chen.jing", filmed.caseId(), 2);
		refused(decide("liu.yang", requestId, "rejection", " "), 400);
		Api.as(port, "liu.yang").get().uri("/api/v1/access-requests/{id}", requestId).exchange().expectBody()
			.jsonPath("$.status").isEqualTo("PENDING");
	}

	@Test
	@DisplayName("ART-20: an expired grant stops working and cannot be revived or revoked")
	void expiredGrantStopsWorking() {
		var filmed = filmed(false);
		var requestId = askForCase("chen.jing", filmed.caseId(), 1);
		decide("liu.yang", requestId, "approval", "同意").expectStatus().isOk();
		play("chen.jing", filmed.recordingId()).expectStatus().isOk();

		clock.advance(Duration.ofDays(1).plusMinutes(1));
		play("chen.jing", filmed.recordingId()).expectStatus().isNotFound();
		Api.as(port, "chen.jing").get().uri("/api/v1/access-requests/{id}", requestId).exchange().expectBody()
			.jsonPath("$.standing").isEqualTo("EXPIRED");
		refused(decide("liu.yang", requestId, "approval", "同意"), 409);
		refused(revoke("chen.jing", requestId), 409);
		play("chen.jing", filmed.recordingId()).expectStatus().isNotFound();
		assertThat(jdbc.sql("select count(*) from audit_entry where subject_type = 'RECORDING' and subject_id = ? "
				+ "and actor = 'chen.jing' and action = 'VIEW' and outcome = 'REFUSED'").param(filmed.recordingId())
			.query(Long.class).single()).as("refused viewings are logged").isGreaterThanOrEqualTo(2);
	}

	@Test
	@DisplayName("ART-20: a revoked grant stops working; the requester may give it up, a stranger may not revoke it")
	void revokedGrantStopsWorking() {
		var filmed = filmed(false);
		var requestId = askForCase("chen.jing", filmed.caseId(), 7);
		decide("liu.yang", requestId, "approval", "同意").expectStatus().isOk();
		play("chen.jing", filmed.recordingId()).expectStatus().isOk();

		refused(revoke("zhou.tao", requestId), 403);
		play("chen.jing", filmed.recordingId()).expectStatus().isOk();
		revoke("chen.jing", requestId).expectStatus().isOk().expectBody()
			.jsonPath("$.standing").isEqualTo("REVOKED")
			.jsonPath("$.revokedBy.username").isEqualTo("chen.jing");
		play("chen.jing", filmed.recordingId()).expectStatus().isNotFound();
		refused(revoke("liu.yang", requestId), 409);
		refused(decide("liu.yang", requestId, "approval", "同意"), 409);

		// the approver and the director may end a grant too
		var again = askForCase("chen.jing", filmed.caseId(), 7);
		decide("liu.yang", again, "approval", "同意").expectStatus().isOk();
		revoke("sun.li", again).expectStatus().isOk();
		play("chen.jing", filmed.recordingId()).expectStatus().isNotFound();
	}

	@Test
	@DisplayName("ART-20: the handlers open their own open case's records without a request, and no longer once it is closed")
	void handlersOwnOpenCaseNeedsNoRequest() {
		var filmed = filmed(false);
		play("li.na", filmed.recordingId()).expectStatus().isOk();
		play("zhang.wei", filmed.recordingId()).expectStatus().isOk();

		Api.as(port, "zhang.wei").post().uri("/api/v1/cases/{id}/close", filmed.caseId()).exchange()
			.expectStatus().isOk();
		play("zhang.wei", filmed.recordingId()).expectStatus().isNotFound();
		play("li.na", filmed.recordingId()).expectStatus().isNotFound();

		var requestId = askForCase("zhang.wei", filmed.caseId(), 1);
		decide("liu.yang", requestId, "approval", "同意").expectStatus().isOk();
		play("zhang.wei", filmed.recordingId()).expectStatus().isOk();
		play("li.na", filmed.recordingId()).expectStatus().isNotFound();
	}

	@Test
	@DisplayName("ART-20: a grant for chosen records opens those and no other record of the case")
	void grantForChosenRecordsOpensOnlyThose() {
		var filmed = filmed(false);
		var other = upload(filmed.caseId());
		var requestId = ask("chen.jing", new AccessApi.NewAccessRequest(filmed.caseId(), "RECORDS",
				List.of(new AccessApi.RecordRef("RECORDING", filmed.recordingId())), "核对扣押过程", 2))
			.expectStatus().isCreated().expectBody(AccessApi.AccessRequestView.class).returnResult().getResponseBody()
			.id();
		decide("liu.yang", requestId, "approval", "同意").expectStatus().isOk();
		play("chen.jing", filmed.recordingId()).expectStatus().isOk();
		play("chen.jing", other).expectStatus().isNotFound();
	}

	@Test
	@DisplayName("ART-20: bad requests name the field at fault, and a record of another case or none at all gets the same answer")
	void badRequestsNameTheField() {
		var filmed = filmed(false);
		var elsewhere = filmed(false);
		// deliberately bad bodies, each the valid one with one field missing or out of bounds: maps, to leave fields out
		var valid = Map.<String, Object>of("caseId", filmed.caseId(), "scope", "CASE", "purpose", "核对", "days", 2);
		badField(with(valid, "caseId", null), "caseId");
		badField(with(valid, "caseId", UUID.randomUUID().toString()), "caseId");
		badField(with(valid, "scope", null), "scope");
		badField(with(valid, "purpose", " "), "purpose");
		badField(with(valid, "purpose", "长".repeat(501)), "purpose");
		badField(with(valid, "days", 0), "days");
		badField(with(valid, "days", 31), "days");
		badField(with(with(valid, "scope", "RECORDS"), "records", List.of()), "records");
		badField(with(valid, "records", List.of(new AccessApi.RecordRef("RECORDING", filmed.recordingId()))), "records");
		var ofOtherCase = badField(with(with(valid, "scope", "RECORDS"), "records",
				List.of(new AccessApi.RecordRef("RECORDING", elsewhere.recordingId()))), "records[0]");
		var unknown = badField(with(with(valid, "scope", "RECORDS"), "records",
				List.of(new AccessApi.RecordRef("RECORDING", UUID.randomUUID().toString()))), "records[0]");
		assertThat(ofOtherCase).isEqualTo(unknown);
		assertThat(Api.as(port, "chen.jing").get().uri("/api/v1/access-requests").exchange().expectStatus().isOk()
			.expectBody(AccessApi.AccessRequestView[].class).returnResult().getResponseBody())
			.noneMatch(r -> filmed.caseId().equals(r.caseLabels().id()));
		Api.as(port, "admin").post().uri("/api/v1/access-requests").contentType(MediaType.APPLICATION_JSON)
			.body(AccessApi.NewAccessRequest.wholeCase(filmed.caseId(), "核对", 2)).exchange().expectStatus().isForbidden();
	}

	@Test
	@DisplayName("ART-20: guessed ids of others' requests find nothing, and say nothing of the case")
	void guessedIdsLeakNothing() {
		var filmed = filmed(false);
		var requestId = askForCase("chen.jing", filmed.caseId(), 2);
		for (var stranger : List.of("li.na", "zhou.tao", "he.jun")) {
			Api.as(port, stranger).get().uri("/api/v1/access-requests/{id}", requestId).exchange()
				.expectStatus().isNotFound()
				.expectBody(String.class).value(body -> assertThat(body).doesNotContain(filmed.caseId(), "东阳市示例"));
		}
		Api.as(port, "chen.jing").get().uri("/api/v1/access-requests/{id}", UUID.randomUUID()).exchange()
			.expectStatus().isNotFound();
		refused(decide("liu.yang", UUID.randomUUID().toString(), "approval", "同意"), 404);
		// the approver it is routed to sees the case's labels, and only those
		Api.as(port, "liu.yang").get().uri("/api/v1/access-requests/{id}", requestId).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.caseLabels.caseNumber").exists().jsonPath("$.caseLabels.title").exists();
		play("liu.yang", filmed.recordingId()).expectStatus().isNotFound();
	}

	private String badField(Map<String, Object> body, String field) {
		var problem = ask("chen.jing", body).expectStatus().isBadRequest()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(Problem.class).returnResult().getResponseBody();
		assertThat(problem.field()).as(body.toString()).isEqualTo(field);
		return problem.detail();
	}

	/** The part of a problem answer (RFC 9457) these tests read: the field at fault and what is wrong with it. */
	private record Problem(String detail, String field) {
	}

	private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
		var changed = new HashMap<>(body);
		if (value == null) {
			changed.remove(key);
		}
		else {
			changed.put(key, value);
		}
		return changed;
	}
}
