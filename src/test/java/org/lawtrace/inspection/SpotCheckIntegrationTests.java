package org.lawtrace.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.MovableClock;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.Uploads;
import org.lawtrace.staff.Role;
import org.lawtrace.staff.StaffAdministration;
import org.lawtrace.staff.StaffDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ART-21 spot checks through the API: a plan's stratified sample is reproduced by its seed and covers each stratum;
 * the director's approval (ART-20) opens the sampled records, daily ones included, to the plan's inspectors only, and
 * only within its dates; the conclusion reaches the ledger and the officer's own list; every step is logged.
 */
@LawTraceIntegrationTest
class SpotCheckIntegrationTests {

	private static final ZoneId BUREAU = ZoneId.of("Asia/Shanghai");
	private static long seed = System.nanoTime() + 14;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Autowired
	StaffDirectory staff;

	@Autowired
	StaffAdministration administration;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** A day in the past nobody else records on, so the plan's candidates are this test's alone. */
	private static LocalDate quietDay() {
		return LocalDate.of(2024, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 800));
	}

	private String upload(String recorder, LocalDate day, String caseId) {
		var bytes = Media.mp4(day.atTime(10, 0).atZone(BUREAU).toInstant().plusSeconds(seed % 3600), Duration.ofMinutes(3),
				1024, seed++);
		var description = new HashMap<String, Object>(Map.of("recordedBy", recorder));
		if (caseId != null) {
			description.put("caseId", caseId);
		}
		return Uploads.upload(Api.as(port, recorder), description, bytes, "spot-check.mp4")
			.expectStatus().isCreated().expectBody(Api.Created.class).returnResult().getResponseBody().id();
	}

	private String id(String username) {
		return staff.require(username).id().id().toString();
	}

	private InspectionApi.Plan define(LocalDate day, int size, LocalDate reviewUntil) {
		var body = new HashMap<String, Object>();
		body.put("title", "2026年第四季度执法记录抽查");
		body.put("from", day.toString());
		body.put("to", day.toString());
		body.put("reviewUntil", reviewUntil.toString());
		body.put("kinds", List.of("CASE_AV", "DAILY_AV"));
		body.put("sampleSize", size);
		body.put("officers", List.of(id("zhang.wei"), id("chen.hao")));
		body.put("inspectors", List.of(id("zhou.tao")));
		return Api.as(port, "zhou.tao").post().uri("/api/v1/inspection/plans").contentType(MediaType.APPLICATION_JSON)
			.body(body).exchange().expectStatus().isCreated().expectBody(InspectionApi.Plan.class).returnResult()
			.getResponseBody();
	}

	private InspectionApi.Sample draw(String plan, Long withSeed) {
		return Api.as(port, "zhou.tao").post().uri("/api/v1/inspection/plans/{id}/draw", plan)
			.contentType(MediaType.APPLICATION_JSON).body(withSeed == null ? Map.of() : Map.of("seed", withSeed))
			.exchange().expectStatus().isOk().expectBody(InspectionApi.Sample.class).returnResult().getResponseBody();
	}

	private int status(String who, String uri, Object... vars) {
		return Api.as(port, who).get().uri(uri, vars).exchange().returnResult(String.class).getStatus().value();
	}

	/** Records in three strata: the team's case-linked and daily ones (zhang.wei), Wuning's daily ones (chen.hao). */
	private List<String> population(LocalDate day) {
		var caseId = Api.openCase(port, Api.newCaseNumber());
		var ids = new ArrayList<String>();
		for (var i = 0; i < 4; i++) {
			ids.add(upload("zhang.wei", day, caseId));
		}
		for (var i = 0; i < 3; i++) {
			ids.add(upload("zhang.wei", day, null));
		}
		for (var i = 0; i < 2; i++) {
			ids.add(upload("chen.hao", day, null));
		}
		return ids;
	}

	@Test
	@DisplayName("ART-21: a plan drawn twice with the same seed gives the same sample, and the sample covers each stratum (unit × record kind)")
	void sameSeedSameSampleCoveringEachStratum() {
		var day = quietDay();
		var records = population(day);
		var plan = define(day, 4, LocalDate.now(BUREAU).plusDays(10));
		assertThat(plan.checklist()).as("the configured default checklist")
			.containsExactly("表明身份并说明来意", "告知权利义务", "文明用语", "着装及言行举止", "执法程序规范", "记录完整连续");

		var first = draw(plan.id(), 987654321L);
		assertThat(first.seed()).isEqualTo(987654321L);
		assertThat(first.records()).hasSize(4);
		assertThat(first.records()).extracting(InspectionApi.Sampled::recordId).allMatch(records::contains);
		assertThat(first.strata()).hasSize(3);
		assertThat(first.strata()).extracting(InspectionApi.Stratum::candidates).containsExactlyInAnyOrder(4, 3, 2);
		assertThat(first.strata()).allMatch(s -> s.drawn() >= 1);
		assertThat(first.records().stream().map(r -> r.unit() + "/" + r.kind()).distinct()).hasSize(3);

		var fresh = draw(plan.id(), null);
		assertThat(fresh.seed()).as("a fresh seed is recorded").isNotNull();
		var again = draw(plan.id(), 987654321L);
		assertThat(again.records()).isEqualTo(first.records());
		assertThat(again.draws()).as("every draw is counted").isEqualTo(3);
		var shown = Api.as(port, "sun.li").get().uri("/api/v1/inspection/plans/{id}/sample", plan.id()).exchange()
			.expectStatus().isOk().expectBody(InspectionApi.Sample.class).returnResult().getResponseBody();
		assertThat(shown.seed()).isEqualTo(987654321L);
		assertThat(shown.records()).isEqualTo(first.records());
		assertThat(jdbc.sql("select count(*) from audit_entry where subject_id = ? and action = 'INSPECTION_SAMPLE_DRAWN'")
			.param(plan.id()).query(Long.class).single()).as("each draw is logged with its seed").isEqualTo(3);
	}

	@Test
	@DisplayName("ART-20, ART-21: approval opens the sample to the plan's inspector only, daily recordings included, and only until its review period ends")
	void onlyTheInspectorsWithinTheDates() {
		var day = quietDay();
		population(day);
		var reviewUntil = LocalDate.now(BUREAU).plusDays(2);
		var plan = define(day, 3, reviewUntil);
		var sample = draw(plan.id(), 11L);
		var daily = sample.records().stream().filter(r -> r.kind().equals("DAILY_AV")).findFirst().orElseThrow()
			.recordId();
		var other = "jj" + ThreadLocalRandom.current().nextInt(100000, 999999);
		administration.registerDemoAccount(other, "郑杰", "JJ" + other.substring(2),
				staff.require("zhou.tao").unitId(), true, Set.of(Role.DISCIPLINE), "demo");

		assertThat(status("zhou.tao", "/api/v1/recordings/{id}/content", daily)).as("not before approval").isEqualTo(404);
		Api.as(port, "zhou.tao").post().uri("/api/v1/inspection/plans/{id}/approval", plan.id()).exchange()
			.expectStatus().isForbidden();
		Api.as(port, "sun.li").post().uri("/api/v1/inspection/plans/{id}/approval", plan.id()).exchange()
			.expectStatus().isOk();
		Api.as(port, "zhou.tao").post().uri("/api/v1/inspection/plans/{id}/draw", plan.id())
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("seed", 12L)).exchange().expectStatus()
			.isEqualTo(409);

		for (var r : sample.records()) {
			assertThat(status("zhou.tao", "/api/v1/recordings/{id}", r.recordId())).isEqualTo(200);
			assertThat(status("zhou.tao", "/api/v1/recordings/{id}/content", r.recordId())).isEqualTo(200);
			assertThat(status(other, "/api/v1/recordings/{id}/content", r.recordId())).as("another discipline officer")
				.isEqualTo(404);
			assertThat(status("sun.li", "/api/v1/recordings/{id}/content", r.recordId())).as("the director who approved")
				.isEqualTo(404);
		}
		assertThat(status(other, "/api/v1/inspection/plans/{id}/records/{r}/review", plan.id(), daily)).isEqualTo(404);
		assertThat(status("zhou.tao", "/api/v1/inspection/plans/{id}/records/{r}/review", plan.id(), daily))
			.isEqualTo(200);

		clock.advance(Duration.ofDays(4));
		assertThat(status("zhou.tao", "/api/v1/recordings/{id}/content", daily)).as("after the review period")
			.isEqualTo(404);
		assertThat(status("zhou.tao", "/api/v1/inspection/plans/{id}/records/{r}/review", plan.id(), daily))
			.isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from audit_entry where subject_id = ? and action = 'INSPECTION_PLAN_APPROVED'")
			.param(plan.id()).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_entry where subject_id = ? and action = 'INSPECTION_STEP' and outcome = 'REFUSED'")
			.param(plan.id()).query(Long.class).single()).as("refusals are logged").isGreaterThanOrEqualTo(2);
	}

	@Test
	@DisplayName("ART-21: a 不合格 conclusion needs reasons, is final, and reaches the ledger, its rates and the officer's own list")
	void conclusionReachesTheLedger() {
		var day = quietDay();
		population(day);
		var plan = define(day, 3, LocalDate.now(BUREAU).plusDays(5));
		var sample = draw(plan.id(), 5L);
		Api.as(port, "sun.li").post().uri("/api/v1/inspection/plans/{id}/approval", plan.id()).exchange()
			.expectStatus().isOk();
		var record = sample.records().get(0);
		var uri = "/api/v1/inspection/plans/{id}/records/{r}/review";
		var items = new ArrayList<Map<String, Object>>();
		for (var i = 0; i < 6; i++) {
			items.add(i == 2 ? Map.of("verdict", "NOT_MET", "note", "语言粗暴") : Map.of("verdict", "MET"));
		}
		var problem = Api.as(port, "zhou.tao").put().uri(uri, plan.id(), record.recordId())
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("items", items, "conclusion", "FAILED")).exchange()
			.expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
		assertThat(problem).contains("reasons");
		Api.as(port, "zhou.tao").post().uri(uri + "/notes", plan.id(), record.recordId())
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("atSeconds", 42, "text", "执法人员未出示执法证")).exchange()
			.expectStatus().isOk();
		var concluded = Api.as(port, "zhou.tao").put().uri(uri, plan.id(), record.recordId())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("items", items, "conclusion", "FAILED", "reasons", "未表明身份，用语不文明")).exchange()
			.expectStatus().isOk().expectBody(InspectionApi.Review.class).returnResult().getResponseBody();
		assertThat(concluded.conclusion()).isEqualTo("FAILED");
		assertThat(concluded.notes()).hasSize(1);
		Api.as(port, "zhou.tao").put().uri(uri, plan.id(), record.recordId()).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("items", items, "conclusion", "PASSED")).exchange().expectStatus().isEqualTo(409);

		var ledger = Api.as(port, "sun.li").get().uri("/api/v1/inspection/ledger?officer={o}", record.officer())
			.exchange().expectStatus().isOk().expectBody(InspectionApi.Ledger.class).returnResult().getResponseBody();
		var check = ledger.checks().stream().filter(c -> c.record().equals(record.recordId())).findFirst().orElseThrow();
		assertThat(check.conclusion()).isEqualTo("FAILED");
		assertThat(check.inspectorName()).isEqualTo("周涛");
		assertThat(check.planTitle()).isEqualTo("2026年第四季度执法记录抽查");
		assertThat(check.items()).extracting(InspectionApi.Item::verdict).contains("NOT_MET");
		assertThat(ledger.byOfficer()).isNotEmpty().allMatch(r -> r.failed() >= 1);
		var officer = staff.byId(new org.lawtrace.shared.StaffId(java.util.UUID.fromString(record.officer())))
			.orElseThrow().username();
		var mine = Api.as(port, officer).get().uri("/api/v1/inspection/mine").exchange().expectStatus().isOk()
			.expectBody(InspectionApi.Check[].class).returnResult().getResponseBody();
		assertThat(List.of(mine)).anyMatch(c -> c.record().equals(record.recordId()) && c.conclusion().equals("FAILED"));
		var xlsx = Api.as(port, "zhou.tao").get().uri("/api/v1/inspection/ledger.xlsx").exchange().expectStatus().isOk()
			.expectBody(byte[].class).returnResult().getResponseBody();
		assertThat(xlsx).startsWith(new byte[] { 'P', 'K' });
		var pdf = Api.as(port, "zhou.tao").get().uri("/api/v1/inspection/ledger.pdf").exchange().expectStatus().isOk()
			.expectBody(byte[].class).returnResult().getResponseBody();
		assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'INSPECTION_REVIEW_CONCLUDED' and detail like ?")
			.param("%" + record.recordId() + "%").query(Long.class).single()).isEqualTo(1);
	}
}
