package org.lawtrace.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.MovableClock;
import org.lawtrace.Patience;
import org.lawtrace.audit.AuditApi;
import org.lawtrace.retention.ArchiveScenario.ArchiveView;
import org.lawtrace.retention.RetentionApi.Chosen;
import org.lawtrace.retention.RetentionApi.Decision;
import org.lawtrace.retention.RetentionApi.DispositionView;
import org.lawtrace.retention.RetentionApi.DueView;
import org.lawtrace.retention.RetentionApi.ItemView;
import org.lawtrace.retention.RetentionApi.NewAppraisal;
import org.lawtrace.retention.RetentionApi.NewDisposition;
import org.lawtrace.retention.RetentionApi.NewHold;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.storage.BlobStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ART-16, ART-17: an archived case file whose period has run out is disposed of whole. The disposition lists its
 * archival package versions beside its records; the director approves them alike; carrying out destroys the
 * records, then the packages, marks the file disposed and leaves tombstones and the register. The clock is moved
 * ten years on (and back after each test); each test proposes only its own records. The shared test context has no
 * off-site replica, so the primary store is what is checked.
 */
@LawTraceIntegrationTest
class ArchiveDispositionIntegrationTests {

	private static final String CUSTODIAN = "zhao.min";
	private static final String LEGAL = "chen.jing";
	private static final String DIRECTOR = "sun.li";
	/** Ten years from closing (the shipped plan's 监督检查 row), and a day. */
	private static final Duration PERIOD_RUN_OUT = Duration.ofDays(10 * 366 + 1);

	@LocalServerPort
	int port;

	@Autowired
	MovableClock clock;

	@Autowired
	BlobStore store;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	@DisplayName("ART-16: an archived case whose period has run out is disposed of with its archival packages: listed "
			+ "and approved by the director, the custodian alone cannot carry it out; afterwards the packages are gone "
			+ "from the store, the download answers 410, the pages say 已销毁, tombstones and the register keep it, "
			+ "the audit log verifies")
	void archivedCaseIsDisposedOfWithItsPackages() throws Exception {
		var scenario = new ArchiveScenario(port);
		var inspection = scenario.closedInspection();
		var archive = scenario.archive(CUSTODIAN, inspection.caseId(), null).expectStatus().isCreated()
			.returnResult(ArchiveView.class).getResponseBody();
		var pkg = archive.versions().get(0);
		var pkgDigest = new ContentDigest(pkg.sha256(), null, pkg.sizeBytes());
		assertThat(archive.retentionPeriod()).isEqualTo("10Y");
		assertThat(dueOf(inspection.recordingId())).as("not before its ten years").isNull();

		clock.advance(PERIOD_RUN_OUT);
		assertThat(dueOf(inspection.recordingId())).satisfies(d -> assertThat(d.withheld()).isNull());
		assertThat(dueOf(inspection.documentId())).satisfies(d -> assertThat(d.withheld()).isNull());

		// the file goes whole: proposing one of its records alone would leave the other's copy in the package
		var partial = Api.as(port, CUSTODIAN).post().uri("/api/v1/retention/dispositions")
			.contentType(MediaType.APPLICATION_JSON)
			.body(new NewDisposition(List.of(new Chosen("RECORDING", inspection.recordingId()))))
			.exchange().expectStatus().isEqualTo(409).returnResult(Api.Problem.class).getResponseBody();
		assertThat(partial.field()).isEqualTo("records");

		var d = Api.as(port, CUSTODIAN).post().uri("/api/v1/retention/dispositions")
			.contentType(MediaType.APPLICATION_JSON)
			.body(new NewDisposition(List.of(new Chosen("RECORDING", inspection.recordingId()),
					new Chosen("DOCUMENT", inspection.documentId()))))
			.exchange().expectStatus().isCreated().returnResult(DispositionView.class).getResponseBody();
		assertThat(d.items()).filteredOn(i -> i.archiveId() != null).singleElement().satisfies(i -> {
			assertThat(i.archiveId()).isEqualTo(archive.id());
			assertThat(i.blobRole()).isEqualTo("PACKAGE-V1");
			assertThat(i.digest().sha256()).isEqualTo(pkg.sha256());
			assertThat(i.record()).isNull();
		});
		assertThat(d.items()).filteredOn(i -> i.record() != null).extracting(i -> i.record().id())
			.contains(inspection.recordingId(), inspection.documentId());

		// ART-16: the custodian alone neither approves nor carries out
		carryOut(CUSTODIAN, d.id()).expectStatus().isForbidden();
		appraise(d.id());
		Api.as(port, CUSTODIAN).post().uri("/api/v1/retention/dispositions/{id}/decision", d.id())
			.contentType(MediaType.APPLICATION_JSON).body(new Decision(true, null)).exchange().expectStatus()
			.isForbidden();
		carryOut(CUSTODIAN, d.id()).expectStatus().isForbidden();
		assertThat(store.contains(pkgDigest)).isTrue();
		approve(d.id());

		var done = carryOut(CUSTODIAN, d.id()).expectStatus().isOk().returnResult(DispositionView.class)
			.getResponseBody();
		assertThat(done.status()).isEqualTo("CARRIED_OUT");
		assertThat(done.items()).allSatisfy(i -> {
			assertThat(i.primaryOutcome()).as("%s", i).isEqualTo("DESTROYED");
			assertThat(i.destroyedAt()).isNotNull();
		});
		assertThat(store.contains(pkgDigest)).as("the package blob is gone from the store").isFalse();

		// ART-16: the package answers 410, saying when and under which register; the file's row and 档号 stay
		var gone = Api.as(port, CUSTODIAN).get().uri("/api/v1/archives/{id}/content", archive.id()).exchange()
			.expectStatus().isEqualTo(410).returnResult(Api.Problem.class).getResponseBody();
		assertThat(gone.field()).isEqualTo("id");
		assertThat(gone.detail()).contains("已依法销毁", done.registerNumber());
		var after = Api.as(port, CUSTODIAN).get().uri("/api/v1/archives/{id}", archive.id()).exchange().expectStatus()
			.isOk().returnResult(ArchiveView.class).getResponseBody();
		assertThat(after.archiveNumber()).isEqualTo(archive.archiveNumber());
		assertThat(after.disposed()).isNotNull();
		assertThat(after.disposed().registerNumber()).isEqualTo(done.registerNumber());
		assertThat(after.disposed().disposition()).isEqualTo(d.id());

		var show = page(CUSTODIAN, "/archives/" + archive.id());
		assertThat(show.select("#archive-disposed").text()).contains("已依法销毁", done.registerNumber());
		assertThat(show.select(".archive-download")).as("no download of a destroyed package").isEmpty();
		assertThat(page(CUSTODIAN, "/archives").select(".archive-row").stream()
			.filter(row -> row.text().contains(archive.archiveNumber())).findFirst().orElseThrow().text())
			.contains("已销毁");

		assertThat(dueOf(inspection.recordingId())).as("no longer due").isNull();
		assertThat(dueOf(inspection.documentId())).isNull();
		assertThat(jdbc.sql("select record_kind from retention_tombstone where disposition_id = ?")
			.param(UUID.fromString(d.id())).query(String.class).list())
			.containsExactlyInAnyOrder("RECORDING", "DOCUMENT", "ARCHIVE");

		var xlsx = Api.as(port, DIRECTOR).get().uri("/api/v1/retention/dispositions/{id}/register.xlsx", d.id())
			.exchange().expectStatus().isOk().returnResult(byte[].class).getResponseBody();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var text = new StringBuilder();
			workbook.getSheetAt(0).forEach(row -> row.forEach(cell -> text.append(cell.toString()).append('|')));
			assertThat(text).contains(pkg.sha256(), "归档包第1版", "归档案卷", archive.archiveNumber(), "已销毁");
		}
		Awaitility.await().atMost(Patience.of(Duration.ofSeconds(10))).untilAsserted(() -> assertThat(jdbc.sql(
				"select action from audit_entry where subject_type = 'CASE' and subject_id = ?")
			.param(inspection.caseId()).query(String.class).list()).contains("CASE_ARCHIVED", "ARCHIVE_DISPOSED"));
		Awaitility.await().atMost(Patience.of(Duration.ofSeconds(10))).untilAsserted(() -> assertThat(jdbc.sql(
				"select detail from audit_entry where subject_type = 'BLOB' and subject_id = ? and action = ?")
			.params(pkg.sha256(), "BLOB_DESTROYED").query(String.class).list())
			.anySatisfy(detail -> assertThat(detail).contains("PRIMARY:DESTROYED")));
		assertThat(AuditApi.verification(port, DIRECTOR).verified()).as("the audit log verifies").isTrue();
	}

	@Test
	@DisplayName("ART-16: a hold on an archived case placed after the approval keeps the whole file, records and "
			+ "packages, when the disposition is carried out")
	void holdOnTheCaseKeepsTheWholeFile() {
		var scenario = new ArchiveScenario(port);
		var inspection = scenario.closedInspection();
		var archive = scenario.archive(CUSTODIAN, inspection.caseId(), null).expectStatus().isCreated()
			.returnResult(ArchiveView.class).getResponseBody();
		var pkg = archive.versions().get(0);
		clock.advance(PERIOD_RUN_OUT);
		var d = Api.as(port, CUSTODIAN).post().uri("/api/v1/retention/dispositions")
			.contentType(MediaType.APPLICATION_JSON)
			.body(new NewDisposition(List.of(new Chosen("RECORDING", inspection.recordingId()),
					new Chosen("DOCUMENT", inspection.documentId()))))
			.exchange().expectStatus().isCreated().returnResult(DispositionView.class).getResponseBody();
		appraise(d.id());
		approve(d.id());
		Api.as(port, LEGAL).post().uri("/api/v1/retention/holds").contentType(MediaType.APPLICATION_JSON)
			.body(new NewHold("CASE", inspection.caseId(), "LITIGATION", "当事人提起行政诉讼"))
			.exchange().expectStatus().isCreated();

		var done = carryOut(CUSTODIAN, d.id()).expectStatus().isOk().returnResult(DispositionView.class)
			.getResponseBody();

		assertThat(done.items()).extracting(ItemView::primaryOutcome).containsOnly("WITHHELD");
		assertThat(store.contains(new ContentDigest(pkg.sha256(), null, pkg.sizeBytes()))).isTrue();
		Api.as(port, CUSTODIAN).get().uri("/api/v1/archives/{id}/content", archive.id()).exchange().expectStatus()
			.isOk();
	}

	private DueView dueOf(String id) {
		return Api.as(port, CUSTODIAN).get().uri("/api/v1/retention/due").exchange().expectStatus().isOk()
			.returnResult(new ParameterizedTypeReference<List<DueView>>() {
			}).getResponseBody().stream().filter(d -> d.id().equals(id)).findFirst().orElse(null);
	}

	private void appraise(String id) {
		Api.as(port, CUSTODIAN).post().uri("/api/v1/retention/dispositions/{id}/appraisals", id)
			.contentType(MediaType.APPLICATION_JSON).body(new NewAppraisal("CUSTODIAN", true, "保管期限已满，无保存价值"))
			.exchange().expectStatus().isOk();
		Api.as(port, LEGAL).post().uri("/api/v1/retention/dispositions/{id}/appraisals", id)
			.contentType(MediaType.APPLICATION_JSON).body(new NewAppraisal("LEGAL_AFFAIRS", true, "无复议、诉讼、信访"))
			.exchange().expectStatus().isOk();
	}

	private void approve(String id) {
		Api.as(port, DIRECTOR).post().uri("/api/v1/retention/dispositions/{id}/decision", id)
			.contentType(MediaType.APPLICATION_JSON).body(new Decision(true, "同意销毁，连同归档包"))
			.exchange().expectStatus().isOk();
	}

	private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec carryOut(String who, String id) {
		return Api.as(port, who).post().uri("/api/v1/retention/dispositions/{id}/destruction", id).exchange();
	}

	/** A page as the user sees it, held to the page-wide guard (no login names, UUIDs, article codes, enums). */
	private org.jsoup.nodes.Document page(String user, String path) {
		var html = Api.as(port, user).get().uri(path).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
			.returnResult(String.class).getResponseBody();
		org.lawtrace.Page.of(html);
		return org.jsoup.Jsoup.parse(html);
	}
}
