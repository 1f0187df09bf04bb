package org.lawtrace.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.Page;
import org.lawtrace.access.AccessApi;
import org.lawtrace.documents.Pdfs;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.lawtrace.audit.AuditApi.EntryPage;
import org.lawtrace.audit.AuditApi.EntryView;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.RecordingApi.RecordingView;
import org.lawtrace.recordings.RecordingApi.UploadMetadata;
import org.lawtrace.recordings.Uploads;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * ART-21, ART-22: a view of a recording's record is logged, and the discipline unit reads the log per person and per
 * case; others may not.
 */
@LawTraceIntegrationTest
class AuditTrailIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	@DisplayName("ART-15.1, ART-22: an upload's UPLOAD entry is in the log when its 201 arrives, not some time after")
	void uploadEntryIsThereWhenTheUploadIsAcknowledged() {
		var caseId = Api.openCase(port, Api.newCaseNumber());
		var recording = upload(caseId);

		assertThat(entries("subjectType=RECORDING&subjectId=" + recording)).filteredOn(e -> e.action()
			.equals("UPLOAD")).extracting(EntryView::actor).containsExactly("zhang.wei");
	}

	@Test
	@DisplayName("ART-22: reading one recording's metadata is logged as VIEW_METADATA by the reader, before it is answered")
	void metadataViewIsLogged() {
		var caseId = Api.openCase(port, Api.newCaseNumber());
		var recording = upload(caseId);
		Api.as(port, "li.na").get().uri("/api/v1/recordings/{id}", recording).exchange().expectStatus().isOk();
		assertThat(entries("subjectType=RECORDING&subjectId=" + recording)).filteredOn(e -> e.action()
			.equals("VIEW_METADATA")).extracting(EntryView::actor).containsExactly("li.na");
	}

	@Test
	@DisplayName("ART-22: the recording's page logs the view as the API does (VIEW_METADATA by the reader); a listing "
			+ "logs none")
	void pageViewIsLoggedAsTheApiView() {
		var caseId = Api.openCase(port, Api.newCaseNumber());
		var recording = upload(caseId);
		Api.as(port, "li.na").get().uri("/recordings?caseId={id}", caseId).exchange().expectStatus().isOk();
		assertThat(entries("subjectType=RECORDING&subjectId=" + recording)).noneMatch(e -> e.action()
			.equals("VIEW_METADATA"));

		Api.as(port, "li.na").get().uri("/recordings/{id}", recording).exchange().expectStatus().isOk();

		assertThat(entries("subjectType=RECORDING&subjectId=" + recording)).filteredOn(e -> e.action()
			.equals("VIEW_METADATA")).extracting(EntryView::actor).containsExactly("li.na");
	}

	@Test
	@DisplayName("ART-20, ART-21, ART-22: the discipline unit sees a person's actions and a case's trail (the case, and "
			+ "the recordings it may see); an officer is refused both (403)")
	void trailsPerPersonAndPerCase() {
		var caseNumber = Api.newCaseNumber();
		var caseId = Api.openCase(port, caseNumber);
		var recording = upload(caseId);
		await().atMost(Duration.ofSeconds(20)).until(() -> entries("subjectType=RECORDING&subjectId=" + recording)
			.stream().anyMatch(e -> e.action().equals("UPLOAD"))
				&& !entries("subjectType=CASE&subjectId=" + caseId).isEmpty());

		var casePage = Page.of(Api.as(port, "zhou.tao").get().uri("/audit/cases/{id}", caseId).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
		// ART-20: the recording's entries are its metadata: not for the discipline unit without a grant
		assertThat(casePage.all("#trail-list .trail-sentence").eachText())
			.anyMatch(t -> t.startsWith("张伟（执法稽查队） 于 ") && t.contains("立案登记了案件 " + caseNumber + "（行政处罚）"))
			.noneMatch(t -> t.contains("上传了"));
		casePage.none("a[href=/audit/custody/RECORDING/" + recording + "]");
		var custodianPage = Page.of(Api.as(port, "zhao.min").get().uri("/audit/cases/{id}", caseId).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
		assertThat(custodianPage.all("#trail-list .trail-sentence").eachText())
			.anyMatch(t -> t.contains("立案登记了案件 " + caseNumber))
			.anyMatch(t -> t.startsWith("张伟（执法稽查队） 于 ") && t.endsWith("上传了音像记录 trail.mp4"));
		custodianPage.link("/audit/custody/RECORDING/" + recording);

		var personPage = Page.of(Api.as(port, "zhou.tao").get().uri("/audit/people/{u}", "zhang.wei").exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
		assertThat(personPage.text("#trail-subject")).isEqualTo("张伟（执法稽查队）");
		assertThat(personPage.all("#trail-list .trail-sentence").eachText())
			.anyMatch(t -> t.contains("立案登记了案件 " + caseNumber)).allMatch(t -> t.startsWith("张伟（执法稽查队） 于 "));

		Api.as(port, "zhang.wei").get().uri("/audit/cases/{id}", caseId).exchange().expectStatus().isForbidden();
		Api.as(port, "zhang.wei").get().uri("/audit/people/{u}", "li.na").exchange().expectStatus().isForbidden();
	}

	/**
	 * Issue 15, ART-21, ART-22: a case's trail is every event of the case in readable Chinese, documents, access
	 * requests and their decisions, bookmarks, evidence packages and page views included; it narrows by who, what
	 * kind and from/until, and goes out as an Excel workbook whose hand-out is itself logged.
	 */
	@Test
	@DisplayName("Issue 15, ART-21, ART-22: a case's trail reads as sentences over every event of the case, narrows by who, kind and day, and exports to Excel")
	void caseTrailReadsAsSentences() throws Exception {
		var caseNumber = Api.newCaseNumber();
		var caseId = Api.openCase(port, caseNumber);
		var recording = upload(caseId);
		var zhang = Api.as(port, "zhang.wei");
		zhang.get().uri("/recordings/{id}", recording).exchange().expectStatus().isOk();
		zhang.post().uri("/api/v1/compliance/recordings/{id}/bookmarks", recording)
			.contentType(MediaType.APPLICATION_JSON).body(new AccessApi.NewBookmark("OPENING", 0)).exchange()
			.expectStatus().isCreated();
		var document = new MultipartBodyBuilder();
		document.part("metadata", new AccessApi.DocumentMetadata("FILING_APPROVAL", caseId, "立案审批表"),
				MediaType.APPLICATION_JSON);
		document.part("file", new ByteArrayResource(Pdfs.pages(1))).filename("scan.pdf")
			.contentType(MediaType.APPLICATION_PDF);
		zhang.post().uri("/api/v1/documents").contentType(MediaType.MULTIPART_FORM_DATA).body(document.build())
			.exchange().expectStatus().isCreated();
		Api.approvedAccess(port, "chen.jing", "liu.yang", caseId);
		Api.as(port, "chen.jing").post().uri("/api/v1/evidence-packages").contentType(MediaType.APPLICATION_JSON)
			.body(AccessApi.PackageOrder.wholeCase("COURT", "东阳市人民法院", "证明现场检查情况", caseId)).exchange()
			.expectStatus().isCreated();

		var wanted = List.of("上传了音像记录 trail.mp4", "打开了音像记录 trail.mp4的页面", "在音像记录 trail.mp4上标记了开场告知",
				"登记了文书《立案/不予立案审批表》", "提交了一份查阅申请", "批准了一份查阅申请", "制作了一个证据包",
				"将音像记录 trail.mp4导出到提供给东阳市人民法院的证据包");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(String.join("\n", sentences(caseId, "")))
			.contains(wanted));
		var all = sentences(caseId, "");
		assertThat(all).as("every sentence names a person with their unit and a time, never a login name or code")
			.allMatch(t -> t.matches("^(系统|\\S+（[^）]+）) 于 \\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2} .+"));
		assertThat(all).anyMatch(t -> t.startsWith("张伟（执法稽查队） 于 ") && t.endsWith("打开了音像记录 trail.mp4的页面"))
			.anyMatch(t -> t.startsWith("刘洋（东阳市市场监督管理局） 于 ") && t.endsWith("批准了一份查阅申请"))
			.anyMatch(t -> t.startsWith("陈静（法规科） 于 ") && t.endsWith("提交了一份查阅申请"));

		assertThat(sentences(caseId, "?who=chen.jing")).isNotEmpty().allMatch(t -> t.startsWith("陈静（法规科） 于 "));
		assertThat(sentences(caseId, "?what=access")).isNotEmpty()
			.allMatch(t -> t.endsWith("一份查阅申请"));
		assertThat(sentences(caseId, "?what=bookmark")).singleElement().asString().endsWith("标记了开场告知");
		assertThat(sentences(caseId, "?until=2000-01-01")).isEmpty();

		var workbook = Api.as(port, "zhao.min").get().uri("/audit/cases/{id}/trail.xlsx?who=chen.jing", caseId)
			.exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
		try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(workbook))) {
			var sheet = book.getSheet("审计记录");
			assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("事项");
			assertThat(sheet.getLastRowNum() - 1).isEqualTo(sentences(caseId, "?who=chen.jing").size());
			assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("陈静（法规科）");
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> entries("subjectType=CASE&subjectId=" + caseId).stream()
			.anyMatch(e -> e.action().equals("AUDIT_TRAIL_EXPORTED") && e.actor().equals("zhao.min")));
	}

	/** The sentences of a case's trail as the custodian reads them (who sees every record, ART-13). */
	private List<String> sentences(String caseId, String query) {
		return Page.of(Api.as(port, "zhao.min").get().uri("/audit/cases/" + caseId + query).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
			.all("#trail-list .trail-sentence").eachText();
	}

	private String upload(String caseId) {
		var made = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
		return Uploads.upload(Api.as(port, "zhang.wei"), UploadMetadata.by("zhang.wei").inCase(caseId),
				Media.mp4(made, Duration.ofMinutes(3), 4096, System.nanoTime()), "trail.mp4")
			.expectStatus().isCreated().returnResult(RecordingView.class).getResponseBody().id();
	}

	private List<EntryView> entries(String query) {
		// the custodian sees every record's chain of custody (ART-13); others only where they may see the record
		return Api.as(port, "zhao.min").get().uri("/api/v1/audit/entries?size=500&" + query).exchange()
			.expectStatus().isOk().returnResult(EntryPage.class).getResponseBody().items();
	}
}
