package org.lawtrace.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.Patience;
import org.lawtrace.access.Bags;
import org.lawtrace.documents.Pdfs;
import org.lawtrace.retention.ArchiveScenario.ArchiveView;
import org.lawtrace.retention.ArchiveScenario.Finding;
import org.lawtrace.retention.ArchiveScenario.VersionView;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Archiving (归档) walked through the REST API as the demo bureau does it, on H2 and PostgreSQL: a general-procedure
 * penalty case from closing to its archival package (BagIt, cover and contents with 档号 and 保管期限, the stored
 * four-property report), a missing required document blocking it, the director's override, who may not archive,
 * and archive numbers that never repeat.
 */
@LawTraceIntegrationTest
class ArchivingIntegrationTests {

	private static final String PARTY = "东阳市示例食品有限公司";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	@DisplayName("ART-13, ART-14, ART-16.1, ART-16.3: a general-procedure penalty case is archived by the custodian: "
			+ "permanent, 档号 year-serial, a valid BagIt package whose cover and contents carry the 档号 and 保管期限, "
			+ "its AV record inside, the four-property report stored; downloads are logged; archiving again is 409; "
			+ "an approved correction calls for a new package version, the old one stays")
	void archivesAClosedPenaltyCase() throws Exception {
		var closed = scenario().closedCase(true);
		var caseId = closed.caseId();
		var archive = archive("zhao.min", caseId, null).expectStatus().isCreated()
			.returnResult(ArchiveView.class).getResponseBody();
		assertThat(archive.archiveNumber()).matches("\\d{4}-\\d{4}");
		assertThat(archive.retentionPeriod()).isEqualTo("PERMANENT");
		assertThat(archive.retentionPeriodChinese()).isEqualTo("永久");
		assertThat(archive.dueOn()).isNull();
		assertThat(archive.versions()).singleElement().satisfies(v -> {
			assertThat(v.passed()).as("%s", v.report()).isTrue();
			assertThat(v.overrideReason()).isNull();
			assertThat(v.report().findings()).extracting(Finding::property)
				.contains("AUTHENTICITY", "INTEGRITY", "USABILITY", "SECURITY");
		});

		var zip = Api.as(port, "zhao.min").get().uri("/api/v1/archives/{id}/content", archive.id()).exchange()
			.expectStatus().isOk().returnResult(byte[].class).getResponseBody();
		var base = Bags.unzip(zip);
		Bags.validate(base);
		var cover = Pdfs.text(Files.readAllBytes(base.resolve("data/00-cover.pdf")));
		assertThat(cover).contains(archive.archiveNumber(), "永久", PARTY, "张伟");
		var contents = Pdfs.text(Files.readAllBytes(base.resolve("data/01-contents.pdf")));
		assertThat(contents).contains("档号：" + archive.archiveNumber(), "保管期限：永久", "卷内文件目录（正卷）",
				"立案审批表");
		assertThat(Pdfs.text(Files.readAllBytes(base.resolve("data/99-remarks.pdf")))).contains("卷内备考表",
				archive.archiveNumber());
		assertThat(Files.list(base.resolve("data/recordings")).toList()).hasSize(1);
		assertThat(Files.readString(base.resolve("metadata/report.json"))).contains("AUTHENTICITY", "records-match-log");
		assertThat(Files.readString(base.resolve("custody/entries.json"))).contains("CASE_CLOSED", "DOCUMENT_REGISTERED");
		// the same offline check as evidence packages: signature, custody proofs, every file against its digest
		var file = Files.createTempFile("archive-", ".zip");
		Files.write(file, zip);
		var out = new java.io.ByteArrayOutputStream();
		assertThat(org.lawtrace.access.VerifyPackageCommand.run(new String[] { file.toString() },
				new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8), System.err))
			.as(out.toString(java.nio.charset.StandardCharsets.UTF_8)).isZero();

		assertThat(jdbc.sql("select report from archive_version where archive_id = ?")
			.param(java.util.UUID.fromString(archive.id())).query(String.class).single()).contains("audit-log-verifies");
		archive("zhao.min", caseId, null).expectStatus().isEqualTo(409).expectBody(Api.Problem.class)
			.value(p -> assertThat(p.field()).isEqualTo("caseId"));
		Awaitility.await().atMost(Patience.of(Duration.ofSeconds(10))).untilAsserted(() -> assertThat(jdbc.sql(
				"select action from audit_entry where subject_type = 'CASE' and subject_id = ?").param(caseId)
			.query(String.class).list()).contains("CASE_ARCHIVED", "ARCHIVE_DOWNLOADED"));

		// ART-14: afterwards only an approved correction changes the case; it marks the file, and the custodian's new
		// package version is checked like the first while the old one stays
		var correctionId = Api.as(port, "zhao.min").post().uri("/api/v1/recordings/{id}/corrections", closed.recordingId())
			.contentType(MediaType.APPLICATION_JSON).body(new Correction(true, "误关联，实为另案录像")).exchange()
			.expectStatus().isCreated().returnResult(Api.Created.class).getResponseBody().id();
		Api.as(port, "liu.yang").post().uri("/api/v1/corrections/{id}/approval", correctionId)
			.contentType(MediaType.APPLICATION_JSON).body("{}").exchange().expectStatus().isOk();
		Awaitility.await().atMost(Patience.of(Duration.ofSeconds(10))).until(() -> Api.as(port, "zhao.min").get()
			.uri("/api/v1/archives/{id}", archive.id()).exchange().expectStatus().isOk()
			.returnResult(ArchiveView.class).getResponseBody().needsNewVersion());
		var second = Api.as(port, "zhao.min").post().uri("/api/v1/archives/{id}/versions", archive.id())
			.contentType(MediaType.APPLICATION_JSON).body(new VersionOrder("经批准更正：录音解除与本案的关联")).exchange()
			.expectStatus().isCreated().returnResult(ArchiveView.class).getResponseBody();
		assertThat(second.needsNewVersion()).isFalse();
		assertThat(second.archiveNumber()).isEqualTo(archive.archiveNumber());
		assertThat(second.versions()).extracting(VersionView::version).containsExactly(1, 2);
		assertThat(second.versions().get(1).passed()).as("%s", second.versions().get(1).report()).isTrue();
		assertThat(second.versions().get(1).sha256()).isNotEqualTo(second.versions().get(0).sha256());
		assertThat(Api.as(port, "zhao.min").get().uri("/api/v1/archives/{id}/content?version=1", archive.id())
			.exchange().expectStatus().isOk().returnResult(byte[].class).getResponseBody()).isEqualTo(zip);

		// the custodian's pages: the file listed with its 档号 and period, the report on its own page
		var list = page("zhao.min", "/archives");
		assertThat(list).contains(archive.archiveNumber(), "永久");
		assertThat(page("zhao.min", "/archives/" + archive.id())).contains(archive.archiveNumber(), "四性检测",
				"真实性", "完整性", "可用性", "安全性");
	}

	@Test
	@DisplayName("ART-14, ART-13: a file missing a required document is refused (422 naming the check and the "
			+ "document); the director archives it anyway with a written reason, which the report shows; only the "
			+ "custodian archives without one, and nobody else at all")
	void aMissingDocumentBlocksUntilTheDirectorOverrides() {
		var caseId = scenario().closedCase(false).caseId();
		var refused = archive("zhao.min", caseId, null).expectStatus().isEqualTo(422).expectBody(Api.Problem.class)
			.returnResult().getResponseBody();
		assertThat(refused.field()).isEqualTo("caseId");
		assertThat(refused.errors()).extracting(Api.FieldError::field).contains("report.integrity.required-document");
		assertThat(refused.detail()).contains("结案审批表");
		assertThat(jdbc.sql("select count(*) from archive_file where case_id = ?")
			.param(java.util.UUID.fromString(caseId)).query(Long.class).single()).isZero();

		archive("zhang.wei", caseId, null).expectStatus().isForbidden();
		archive("zhou.tao", caseId, null).expectStatus().isForbidden();
		archive("sun.li", caseId, null).expectStatus().isForbidden();
		archive("zhao.min", caseId, "档案员不能批准").expectStatus().isForbidden();
		Api.as(port, "zhang.wei").get().uri("/api/v1/archives").exchange().expectStatus().isForbidden();

		var overridden = archive("sun.li", caseId, "结案审批表原件已遗失，经核实案件已依法结案")
			.expectStatus().isCreated().returnResult(ArchiveView.class).getResponseBody();
		assertThat(overridden.versions()).singleElement().satisfies(v -> {
			assertThat(v.passed()).isFalse();
			assertThat(v.overrideReason()).isEqualTo("结案审批表原件已遗失，经核实案件已依法结案");
			assertThat(v.overriddenBy()).isEqualTo("sun.li");
			assertThat(v.report().overrideReason()).isEqualTo(v.overrideReason());
		});
		assertThat(page("zhao.min", "/archives/" + overridden.id())).contains("结案审批表原件已遗失");
		Awaitility.await().atMost(Patience.of(Duration.ofSeconds(10))).untilAsserted(() -> assertThat(jdbc.sql(
				"select action from audit_entry where subject_type = 'CASE' and subject_id = ?").param(caseId)
			.query(String.class).list()).contains("ARCHIVING_REFUSED", "CASE_ARCHIVED"));
	}

	@Test
	@DisplayName("ART-14: archive numbers are given per unit and year in order and never repeat; the queue lists a "
			+ "closed case until it is archived")
	void archiveNumbersNeverRepeat() {
		var first = scenario().closedCase(true).caseId();
		var second = scenario().closedCase(true).caseId();
		assertThat(page("zhao.min", "/archives/queue")).contains(caseNumber(first), caseNumber(second));
		assertThat(page("sun.li", "/archives/queue")).contains(caseNumber(first), "批准归档");
		var a = archive("zhao.min", first, null).expectStatus().isCreated().returnResult(ArchiveView.class)
			.getResponseBody();
		var b = archive("zhao.min", second, null).expectStatus().isCreated().returnResult(ArchiveView.class)
			.getResponseBody();
		assertThat(a.archiveNumber()).isNotEqualTo(b.archiveNumber());
		assertThat(serial(b.archiveNumber())).isGreaterThan(serial(a.archiveNumber()));
		assertThat(page("zhao.min", "/archives/queue")).doesNotContain(caseNumber(first), caseNumber(second));
		var all = Api.as(port, "zhou.tao").get().uri("/api/v1/archives?limit=500").exchange().expectStatus().isOk()
			.returnResult(ArchiveView[].class).getResponseBody();
		assertThat(java.util.Arrays.stream(all).map(ArchiveView::archiveNumber).toList()).doesNotHaveDuplicates();
	}

	private ArchiveScenario scenario() {
		return new ArchiveScenario(port);
	}

	private RestTestClient.ResponseSpec archive(String user, String caseId, @Nullable String overrideReason) {
		return scenario().archive(user, caseId, overrideReason);
	}

	private static int serial(String archiveNumber) {
		return Integer.parseInt(archiveNumber.substring(archiveNumber.indexOf('-') + 1));
	}

	private String caseNumber(String caseId) {
		return Api.as(port, "zhao.min").get().uri("/api/v1/cases/{id}", caseId).exchange().expectStatus().isOk()
			.returnResult(CaseNumberView.class).getResponseBody().caseNumber();
	}

	record CaseNumberView(String caseNumber) {
	}

	/** A page as the user sees it, held to the page-wide guard (no login names, UUIDs, article codes, enums). */
	private String page(String user, String path) {
		var html = Api.as(port, user).get().uri(path).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
			.returnResult(String.class).getResponseBody();
		org.lawtrace.Page.of(html);
		return html;
	}

	record VersionOrder(String reason) {
	}

	/** {@code POST /api/v1/recordings/{id}/corrections}: unlink the recording from its case. */
	record Correction(boolean unlink, String reason) {
	}
}
