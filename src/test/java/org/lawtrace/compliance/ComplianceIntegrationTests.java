package org.lawtrace.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.MovableClock;
import org.lawtrace.Patience;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.Uploads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/** The checks on the running platform, fed by the other modules' events, on H2 and PostgreSQL. */
@LawTraceIntegrationTest
class ComplianceIntegrationTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	MovableClock clock;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Value("${lawtrace.data-dir}")
	Path dataDir;

	private static long seed = System.nanoTime() ^ 0x5eed;

	private String stage(String caseId, String kind, Instant start, Instant end) {
		return Api.as(port, "zhang.wei").post().uri("/api/v1/cases/{id}/stages", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new ComplianceApi.NewStage(kind, start.atZone(ZONE).toOffsetDateTime(),
					end.atZone(ZONE).toOffsetDateTime(), List.of("zhang.wei", "li.na")))
			.exchange().expectStatus().isCreated()
			.returnResult(ComplianceApi.Created.class).getResponseBody().id();
	}

	private String upload(String caseId, List<String> stages, String recordedBy, Instant start, Duration length) {
		var bytes = Media.mp4(start, length, 2048, seed++);
		return Uploads.upload(Api.as(port, "zhang.wei"), Map.of("recordedBy", recordedBy, "caseId", caseId,
				"stageIds", stages), bytes, "c" + seed + ".mp4")
			.expectStatus().isCreated()
			.returnResult(ComplianceApi.Created.class).getResponseBody().id();
	}

	private ComplianceApi.Checklist checklist(String caseId) {
		return Api.as(port, "zhang.wei").get().uri("/api/v1/cases/{id}/compliance", caseId).exchange()
			.expectStatus().isOk().returnResult(ComplianceApi.Checklist.class).getResponseBody();
	}

	@Test
	@DisplayName("ART-06.3, ART-06.0: a seizure without video is red citing ART-06.3; a covering video fixes that; "
			+ "its opening and closing marks turn the stage green")
	void seizureFromRedToGreen() {
		var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		var caseId = Api.openCase(port, Api.newCaseNumber());
		var start = now.minus(Duration.ofHours(2));
		var seizure = stage(caseId, "SEIZURE", start, start.plus(Duration.ofMinutes(45)));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			var stage = checklist(caseId).stage(seizure);
			assertThat(stage.light()).isEqualTo("RED");
			assertThat(stage.open()).anySatisfy(f -> {
				assertThat(f.article()).isEqualTo("ART-06.3");
				assertThat(f.severity()).isEqualTo("MAJOR");
				assertThat(f.rulePackVersion()).isEqualTo("dongyang-2026.1");
			});
		});

		var recording = upload(caseId, List.of(seizure), "zhang.wei", start.minusSeconds(10), Duration.ofMinutes(46));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			var stage = checklist(caseId).stage(seizure);
			assertThat(stage.resolved()).anySatisfy(f -> {
				assertThat(f.article()).isEqualTo("ART-06.3");
				assertThat(f.resolution()).isEqualTo("FIXED");
			});
			// the stage's text records (ART-05.2) are listed as notices beside, without a light
			assertThat(stage.open()).filteredOn(f -> !f.article().equals("ART-05.2")).isNotEmpty()
				.allSatisfy(f -> assertThat(f.article()).isEqualTo("ART-06.0"));
			assertThat(stage.light()).isEqualTo("AMBER");
		});

		Api.as(port, "li.na").post().uri("/api/v1/compliance/recordings/{id}/bookmarks", recording)
			.contentType(MediaType.APPLICATION_JSON).body(ComplianceApi.NewBookmark.at("OPENING", 12))
			.exchange().expectStatus().isCreated();
		Api.as(port, "li.na").post().uri("/api/v1/compliance/recordings/{id}/bookmarks", recording)
			.contentType(MediaType.APPLICATION_JSON).body(ComplianceApi.NewBookmark.at("CLOSING", 99999))
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("offsetSeconds");
		Api.as(port, "li.na").post().uri("/api/v1/compliance/recordings/{id}/bookmarks", recording)
			.contentType(MediaType.APPLICATION_JSON)
			.body(ComplianceApi.NewBookmark.attested("CLOSING", "当事人离场前已询问有无补充，记录仪电量耗尽未录到"))
			.exchange().expectStatus().isCreated();
		var done = checklist(caseId);
		assertThat(done.stage(seizure).light()).isEqualTo("GREEN");
		assertThat(done.light()).isEqualTo("GREEN");
	}

	@Test
	@DisplayName("ART-15.1, ART-08: an upload three days after the recording ended is late; a recording by an officer "
			+ "whose certificate expired the day before is reported")
	void lateUploadAndUnqualifiedRecorder() {
		var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		var caseId = Api.openCase(port, Api.newCaseNumber());
		var late = upload(caseId, List.of(), "zhang.wei", now.minus(Duration.ofDays(3)).minus(Duration.ofMinutes(20)),
				Duration.ofMinutes(10));
		// the demo's huang.lei holds a certificate that ran out a month ago today
		var dayAfterExpiry = LocalDate.ofInstant(now, ZONE).minusMonths(1).plusDays(1);
		// he may not be named recorder of a case's recording at upload (issue 11); one he made on his own and the
		// custodian then filed with the case is still caught by the check (a handler who may not see it may not
		// claim it: a case link never widens access for the person who sets it)
		var unqualified = Uploads.upload(Api.as(port, "huang.lei"), Map.of("recordedBy", "huang.lei"),
				Media.mp4(dayAfterExpiry.atTime(10, 0).atZone(ZONE).toInstant(), Duration.ofMinutes(5), 2048, seed++),
				"c" + seed + ".mp4")
			.expectStatus().isCreated().returnResult(ComplianceApi.Created.class).getResponseBody().id();
		Api.as(port, "zhang.wei").post().uri("/api/v1/recordings/{id}/revisions", unqualified)
			.contentType(MediaType.APPLICATION_JSON).body(new ComplianceApi.CaseLink(caseId, "关联到本案"))
			.exchange().expectStatus().isNotFound();
		Api.as(port, "zhao.min").post().uri("/api/v1/recordings/{id}/revisions", unqualified)
			.contentType(MediaType.APPLICATION_JSON).body(new ComplianceApi.CaseLink(caseId, "归档到本案"))
			.exchange().expectStatus().isCreated();

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			var found = checklist(caseId).caseFindings();
			assertThat(found).anySatisfy(f -> {
				assertThat(f.article()).isEqualTo("ART-15.1");
				assertThat(f.recordId()).isEqualTo(late);
				assertThat(f.recordKind()).isEqualTo("RECORDING");
				assertThat(f.detail()).contains("迟 1 日");
			});
			assertThat(found).anySatisfy(f -> {
				assertThat(f.article()).isEqualTo("ART-08");
				assertThat(f.recordId()).isEqualTo(unqualified);
				assertThat(f.detail()).contains("黄磊").contains(dayAfterExpiry.minusDays(1).toString());
			});
		});
		// ART-13, ART-15.1: the custodian's queue names who made the late recording (张伟), not the case's two handlers
		var queue = org.lawtrace.Page.of(Api.as(port, "zhao.min").get().uri("/compliance/queues/late-uploads")
			.accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
			.getResponseBody());
		var row = queue.all("tr.late-upload").stream()
			.filter(r -> !r.select("a[href=\"/recordings/" + late + "\"]").isEmpty()).findFirst().orElseThrow();
		assertThat(row.select("td").get(row.select("td").size() - 2).text()).startsWith("张伟（").doesNotContain("、");
		// the officer sees the gaps of their own case on their list
		Api.as(port, "li.na").get().uri("/api/v1/compliance/my-gaps").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$[?(@.recordId == '" + late + "')].article").isEqualTo(List.of("ART-15.1"));
	}

	@Test
	@DisplayName("ART-20: handlers and oversight read a case's checklist; another officer and the administrator do not")
	void whoReadsAChecklist() {
		var caseId = Api.openCase(port, Api.newCaseNumber());
		for (var reader : List.of("li.na", "chen.jing", "zhou.tao", "sun.li")) {
			Api.as(port, reader).get().uri("/api/v1/cases/{id}/compliance", caseId).exchange().expectStatus().isOk();
		}
		Api.as(port, "chen.hao").get().uri("/api/v1/cases/{id}/compliance", caseId).exchange()
			.expectStatus().isForbidden();
		Api.as(port, "admin").get().uri("/api/v1/cases/{id}/compliance", caseId).exchange().expectStatus().isForbidden();
	}

	@Test
	@DisplayName("ART-24: a pack in the data directory naming an unknown stage kind is refused with line and reason, "
			+ "and the pack in force stays")
	void refusedPackOverApi() throws Exception {
		var file = dataDir.resolve("compliance").resolve("rules.yaml");
		Files.createDirectories(file.getParent());
		try {
			Files.writeString(file, RulePackParserUnitTests.GOOD.replace("[SEIZURE]", "[SEIZURE, KIDNAP]"),
					StandardCharsets.UTF_8);
			Api.as(port, "admin").post().uri("/api/v1/compliance/rule-pack/reload").exchange()
				.expectStatus().isEqualTo(422)
				.expectBody().jsonPath("$.field").isEqualTo("rulePack")
				.jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("line 8").contains("KIDNAP"));
			Api.as(port, "zhang.wei").get().uri("/api/v1/compliance/rule-pack").exchange().expectStatus().isOk()
				.expectBody().jsonPath("$.version").isEqualTo("dongyang-2026.1");
			Api.as(port, "zhang.wei").post().uri("/api/v1/compliance/rule-pack/reload").exchange()
				.expectStatus().isForbidden();
		}
		finally {
			Files.deleteIfExists(file);
		}
		Api.as(port, "admin").post().uri("/api/v1/compliance/rule-pack/reload").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.version").isEqualTo("dongyang-2026.1");
	}

	@Test
	@DisplayName("Chapter 8, ART-06.3: a pack reload that drops a rule leaves the old case's finding open, the old "
			+ "case judged under the pack it was opened under; a case opened after is judged under the new pack; "
			+ "both versions are kept with who put them in force")
	void reloadDroppingARuleLeavesOldFindingsOpen() throws Exception {
		var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		var oldCase = Api.openCase(port, Api.newCaseNumber());
		var start = now.minus(Duration.ofHours(2));
		var oldSeizure = stage(oldCase, "SEIZURE", start, start.plus(Duration.ofMinutes(45)));
		await().atMost(Patience.of(Duration.ofSeconds(20))).untilAsserted(() -> assertThat(
				checklist(oldCase).stage(oldSeizure).open()).anySatisfy(f -> assertThat(f.article()).isEqualTo("ART-06.3")));

		String shipped;
		try (var in = getClass().getResourceAsStream("/compliance/rules.yaml")) {
			shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		var dropped = shipped.replace("version: dongyang-2026.1", "version: dongyang-2026.1-no-06.3")
			.replaceAll("(?s)  - id: AV-06.3-COVERAGE\n.*?(?=  - id: )", "");
		assertThat(dropped).doesNotContain("AV-06.3-COVERAGE");
		var file = dataDir.resolve("compliance").resolve("rules.yaml");
		Files.createDirectories(file.getParent());
		try {
			Files.writeString(file, dropped, StandardCharsets.UTF_8);
			Api.as(port, "admin").post().uri("/api/v1/compliance/rule-pack/reload").exchange().expectStatus().isOk()
				.expectBody().jsonPath("$.version").isEqualTo("dongyang-2026.1-no-06.3");

			Api.as(port, "zhou.tao").post().uri("/api/v1/compliance/evaluations?caseId=" + oldCase).exchange()
				.expectStatus().isOk();
			assertThat(checklist(oldCase).stage(oldSeizure).open()).as("the old finding stays open")
				.anySatisfy(f -> {
					assertThat(f.article()).isEqualTo("ART-06.3");
					assertThat(f.rulePackVersion()).isEqualTo("dongyang-2026.1");
				});

			var newCase = Api.openCase(port, Api.newCaseNumber());
			var newSeizure = stage(newCase, "SEIZURE", start, start.plus(Duration.ofMinutes(45)));
			await().atMost(Patience.of(Duration.ofSeconds(20))).untilAsserted(() -> {
				var stage = checklist(newCase).stage(newSeizure);
				assertThat(stage.open()).isNotEmpty()
					.allSatisfy(f -> assertThat(f.rulePackVersion()).isEqualTo("dongyang-2026.1-no-06.3"))
					.noneSatisfy(f -> assertThat(f.article()).isEqualTo("ART-06.3"));
			});
			Api.as(port, "zhang.wei").get().uri("/api/v1/compliance/rule-pack/versions").exchange().expectStatus()
				.isOk().expectBody()
				.jsonPath("$[?(@.version == 'dongyang-2026.1-no-06.3')].loadedBy").isEqualTo(List.of("admin"))
				.jsonPath("$[?(@.version == 'dongyang-2026.1')]").isNotEmpty();
		}
		finally {
			Files.deleteIfExists(file);
			Api.as(port, "admin").post().uri("/api/v1/compliance/rule-pack/reload").exchange().expectStatus().isOk();
		}
	}

	@Test
	@DisplayName("Chapter 8, ART-15.1: a recorder clearing his own late upload by correcting the recording's times "
			+ "leaves a reviewable mark: the finding closes, is listed for the discipline unit and the director, and "
			+ "the clearing is logged")
	void ownCorrectionClearingALateUploadIsMarked() {
		var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		var caseId = Api.openCase(port, Api.newCaseNumber());
		var late = upload(caseId, List.of(), "zhang.wei", now.minus(Duration.ofDays(3)).minus(Duration.ofMinutes(20)),
				Duration.ofMinutes(10));
		await().atMost(Patience.of(Duration.ofSeconds(20))).untilAsserted(() -> assertThat(checklist(caseId)
			.caseFindings()).anySatisfy(f -> {
				assertThat(f.article()).isEqualTo("ART-15.1");
				assertThat(f.resolution()).isNull();
			}));

		var correction = Api.as(port, "zhang.wei").post().uri("/api/v1/recordings/{id}/corrections", late)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("startedAt", now.minus(Duration.ofHours(1)).toString(), "endedAt",
					now.minus(Duration.ofMinutes(50)).toString(), "reason", "记录仪时钟有误，按实际时间更正"))
			.exchange().expectStatus().isCreated().returnResult(ComplianceApi.Created.class).getResponseBody().id();
		Api.as(port, "liu.yang").post().uri("/api/v1/corrections/{id}/approval", correction)
			.contentType(MediaType.APPLICATION_JSON).body("{}").exchange().expectStatus().isOk();

		await().atMost(Patience.of(Duration.ofSeconds(20))).untilAsserted(() -> assertThat(checklist(caseId)
			.caseFindings()).anySatisfy(f -> {
				assertThat(f.article()).isEqualTo("ART-15.1");
				assertThat(f.resolution()).isEqualTo("FIXED");
			}));
		await().atMost(Patience.of(Duration.ofSeconds(20))).untilAsserted(() -> Api.as(port, "zhou.tao").get()
			.uri("/api/v1/compliance/self-cleared-findings").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$[?(@.caseId == '" + caseId + "')].ruleId").isEqualTo(List.of("ART-15.1-STORED-IN-TIME"))
			.jsonPath("$[?(@.caseId == '" + caseId + "')].recorder").isEqualTo(List.of("zhang.wei")));
		Api.as(port, "sun.li").get().uri("/api/v1/compliance/self-cleared-findings").exchange().expectStatus().isOk();
		Api.as(port, "zhang.wei").get().uri("/api/v1/compliance/self-cleared-findings").exchange().expectStatus()
			.isForbidden();
		await().atMost(Patience.of(Duration.ofSeconds(10))).untilAsserted(() -> assertThat(jdbc.sql(
				"select action from audit_entry where subject_type = 'CASE' and subject_id = ?").param(caseId)
			.query(String.class).list()).contains("FINDING_CLEARED_BY_OWN_CORRECTION"));
		assertThat(Api.as(port, "zhou.tao").get().uri("/compliance").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk().returnResult(String.class).getResponseBody()).contains("须执纪复核");
		// and it is a candidate in the discipline unit's queue of violation signals, about the recorder (ART-22)
		await().atMost(Patience.of(Duration.ofSeconds(20))).untilAsserted(() -> Api.as(port, "zhou.tao").get()
			.uri("/api/v1/inspection/signals").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$[?(@.kind == 'CLEARED_BY_OWN_CORRECTION' && @.subjectId == '" + caseId + "')].person.username")
			.isEqualTo(List.of("zhang.wei")));
	}

	@Test
	@DisplayName("ART-03: a full re-evaluation judges every case and says how many")
	void fullEvaluation() {
		Api.openCase(port, Api.newCaseNumber());
		Api.as(port, "zhou.tao").post().uri("/api/v1/compliance/evaluations").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.cases").value(Integer.class, n -> assertThat(n).isGreaterThan(3))
			.jsonPath("$.rulePackVersion").isEqualTo("dongyang-2026.1");
		Api.as(port, "zhang.wei").post().uri("/api/v1/compliance/evaluations").exchange().expectStatus().isForbidden();
	}

	@Test
	@DisplayName("ART-03: judging a case again with nothing changed keeps its light and findings and moves only the "
			+ "time of its last evaluation; a change found later is written")
	void unchangedCaseKeepsItsRow() {
		var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		var caseId = Api.openCase(port, Api.newCaseNumber());
		var start = now.minus(Duration.ofHours(3));
		var stageId = stage(caseId, "SEALING_UP", start, start.plus(Duration.ofMinutes(30)));
		Api.as(port, "zhou.tao").post().uri("/api/v1/compliance/evaluations").exchange().expectStatus().isOk();
		var first = checklist(caseId);
		Api.as(port, "zhou.tao").post().uri("/api/v1/compliance/evaluations").exchange().expectStatus().isOk();
		var again = checklist(caseId);
		assertThat(again.light()).isEqualTo("RED").isEqualTo(first.light());
		assertThat(again.stage(stageId).open()).isEqualTo(first.stage(stageId).open());
		assertThat(again.evaluatedAt()).isAfter(first.evaluatedAt());

		upload(caseId, List.of(stageId), "zhang.wei", start, Duration.ofMinutes(30));
		Api.as(port, "zhou.tao").post().uri("/api/v1/compliance/evaluations").exchange().expectStatus().isOk();
		await().atMost(Patience.of(Duration.ofSeconds(20)))
			.untilAsserted(() -> assertThat(checklist(caseId).stage(stageId).open())
				.noneMatch(f -> f.article().equals("ART-06.3")));
		// a full run reads every case and its recordings in one pass, not by range: it must find the same recording
		// (read without it, the stage would be uncovered again)
		Api.as(port, "zhou.tao").post().uri("/api/v1/compliance/evaluations").exchange().expectStatus().isOk();
		assertThat(checklist(caseId).stage(stageId).open()).noneMatch(f -> f.article().equals("ART-06.3"));
	}

	@Test
	@DisplayName("ART-03, ART-21: the case page's checklist panel, the officer's gaps on the home page, and the "
			+ "leaders' dashboard with its Excel export")
	void pages() throws Exception {
		var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		var caseId = Api.openCase(port, Api.newCaseNumber());
		var start = now.minus(Duration.ofHours(3));
		stage(caseId, "SEALING_UP", start, start.plus(Duration.ofMinutes(30)));
		Api.as(port, "sun.li").post().uri("/api/v1/compliance/evaluations").exchange().expectStatus().isOk();

		var panel = Api.as(port, "li.na").get().uri("/compliance/fragments/case/{id}", caseId)
			.header("HX-Request", "true").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(panel).contains("compliance-checklist").contains("ART-06.3").contains("data-light=\"RED\"");
		// staff read the article as they say it; the code stays only in the data attribute
		assertThat(panel).contains("第六条第（三）项").doesNotContain(">ART-06.3<");
		Api.as(port, "zhao.min").get().uri("/compliance/fragments/case/{id}", caseId).header("HX-Request", "true")
			.exchange().expectStatus().isOk()
			.expectBody(String.class).value(body -> assertThat(body).contains("compliance-not-shown").doesNotContain("ART-06.3"));
		Api.as(port, "zhang.wei").get().uri("/compliance/fragments/my-gaps").header("HX-Request", "true").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).value(body -> assertThat(body).contains("ART-06.3").contains(caseId)
				.contains("第六条第（三）项"));

		Api.as(port, "sun.li").get().uri("/compliance").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
			.expectBody(String.class).value(body -> assertThat(body).contains("chart-unit").contains("worst-cases")
				.contains("echarts.min.js"));
		Api.as(port, "zhang.wei").get().uri("/compliance").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isForbidden();
		var xlsx = Api.as(port, "zhou.tao").get().uri("/compliance/dashboard.xlsx").exchange().expectStatus().isOk()
			.expectHeader().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
			.expectBody(byte[].class).returnResult().getResponseBody();
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
			assertThat(workbook.getSheet("按单位").getRow(0).getCell(0).getStringCellValue()).isEqualTo("承办单位");
			var worst = workbook.getSheet("问题案件");
			assertThat(worst.getLastRowNum()).isGreaterThan(0);
			assertThat(worst.getRow(1).getCell(4).getNumericCellValue()).isGreaterThan(0);
		}
		// the charts' script is served from the WebJar
		Api.as(port, "sun.li").get().uri("/webjars/echarts/dist/echarts.min.js").exchange().expectStatus().isOk();
	}

	@Test
	@DisplayName("ART-03, ART-21: the dashboard names each case and its officers from the compliance module's own "
			+ "record of the case, and a closed case's gaps leave its handler's list")
	void dashboardKeepsItsOwnRecordOfCases() throws Exception {
		var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		var caseId = Api.openCase(port, Api.newCaseNumber());
		var start = now.minus(Duration.ofHours(3));
		stage(caseId, "SEALING_UP", start, start.plus(Duration.ofMinutes(30)));
		Api.as(port, "sun.li").post().uri("/api/v1/compliance/evaluations").exchange().expectStatus().isOk();
		Api.as(port, "zhang.wei").get().uri("/api/v1/compliance/my-gaps").exchange().expectStatus().isOk()
			.expectBody(String.class).value(body -> assertThat(body).contains(caseId));
		var xlsx = Api.as(port, "zhou.tao").get().uri("/compliance/dashboard.xlsx").exchange().expectStatus().isOk()
			.expectBody(byte[].class).returnResult().getResponseBody();
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
			var texts = new java.util.ArrayList<String>();
			workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> texts.add(cell.toString()))));
			// the handlers and the handling unit by name, never an unknown ("?")
			assertThat(texts).contains("张伟").doesNotContain("?");
		}

		Api.as(port, "zhang.wei").post().uri("/api/v1/cases/{id}/close", caseId).exchange().expectStatus().isOk();
		Api.as(port, "sun.li").post().uri("/api/v1/compliance/evaluations").exchange().expectStatus().isOk();
		Api.as(port, "zhang.wei").get().uri("/api/v1/compliance/my-gaps").exchange().expectStatus().isOk()
			.expectBody(String.class).value(body -> assertThat(body).doesNotContain(caseId));
	}

	@Test
	@DisplayName("ART-05.3: a notice registered without the bureau's seal is red on the case; sealing it fixes that")
	void documentWithoutSeal() {
		var caseId = Api.openCase(port, Api.newCaseNumber());
		var body = new org.springframework.http.client.MultipartBodyBuilder();
		body.part("metadata", new ComplianceApi.DocumentMetadata("ADVANCE_NOTICE", caseId, "行政处罚告知书"),
				MediaType.APPLICATION_JSON);
		body.part("file", new org.springframework.core.io.ByteArrayResource(org.lawtrace.documents.Pdfs.pages(1)))
			.filename("scan.pdf").contentType(MediaType.APPLICATION_PDF);
		var document = Api.as(port, "zhang.wei").post().uri("/api/v1/documents").contentType(MediaType.MULTIPART_FORM_DATA)
			.body(body.build()).exchange().expectStatus().isCreated()
			.returnResult(ComplianceApi.Created.class).getResponseBody().id();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			var checklist = checklist(caseId);
			assertThat(checklist.light()).isEqualTo("RED");
			assertThat(checklist.caseFindings()).anySatisfy(f -> {
				assertThat(f.article()).isEqualTo("ART-05.3");
				assertThat(f.recordId()).isEqualTo(document);
				assertThat(f.recordKind()).isEqualTo("DOCUMENT");
				assertThat(f.detail()).contains("本局印章");
			});
		});
		Api.as(port, "zhang.wei").post().uri("/api/v1/documents/{id}/confirmations", document)
			.contentType(MediaType.APPLICATION_JSON).body(ComplianceApi.Seal.bureau()).exchange()
			.expectStatus().isCreated();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(checklist(caseId).caseFindings())
			.filteredOn(f -> "ART-05.3".equals(f.article()))
			.allSatisfy(f -> assertThat(f.resolution()).isEqualTo("FIXED")));
	}

	@Test
	@DisplayName("ART-06.1: a stage not suitable for AV recording, with a reason approved by the director, is exempted "
			+ "and reported; a reason is required and an officer cannot approve")
	void exemptedStage() {
		var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		var caseId = Api.openCase(port, Api.newCaseNumber());
		var start = now.minus(Duration.ofHours(4));
		var inspection = stage(caseId, "ON_SITE_INSPECTION", start, start.plus(Duration.ofMinutes(30)));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(checklist(caseId).stage(inspection).light()).isEqualTo("RED"));

		Api.as(port, "zhang.wei").post().uri("/api/v1/cases/{id}/stages/{s}/exemptions", caseId, inspection)
			.contentType(MediaType.APPLICATION_JSON).body(new ComplianceApi.NewExemption(" ")).exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("reason");
		var exemption = Api.as(port, "zhang.wei").post().uri("/api/v1/cases/{id}/stages/{s}/exemptions", caseId, inspection)
			.contentType(MediaType.APPLICATION_JSON).body(new ComplianceApi.NewExemption("检查场所涉及国家秘密，不宜录音录像")).exchange()
			.expectStatus().isCreated().returnResult(ComplianceApi.Created.class).getResponseBody().id();
		Api.as(port, "zhang.wei").post().uri("/api/v1/compliance/exemptions/{id}/decision", exemption)
			.contentType(MediaType.APPLICATION_JSON).body(new ComplianceApi.Decision(true, null)).exchange().expectStatus().isForbidden();
		Api.as(port, "sun.li").post().uri("/api/v1/compliance/exemptions/{id}/decision", exemption)
			.contentType(MediaType.APPLICATION_JSON).body(new ComplianceApi.Decision(true, "同意")).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("APPROVED");

		var stage = checklist(caseId).stage(inspection);
		assertThat(stage.light()).isEqualTo("GREEN");
		assertThat(stage.resolved()).anySatisfy(f -> {
			assertThat(f.article()).isEqualTo("ART-06.1");
			assertThat(f.resolution()).isEqualTo("EXEMPTED");
		});
		// an exemption from AV recording does not excuse the stage's text record (ART-05.2), listed beside
		assertThat(stage.open()).filteredOn(f -> !f.article().equals("ART-05.2")).singleElement().satisfies(f -> {
			assertThat(f.severity()).isEqualTo("NOTICE");
			assertThat(f.detail()).contains("国家秘密");
		});
		Api.as(port, "sun.li").post().uri("/api/v1/compliance/exemptions/{id}/decision", exemption)
			.contentType(MediaType.APPLICATION_JSON).body(new ComplianceApi.Decision(false, null)).exchange()
			.expectStatus().isEqualTo(409);
	}
}
