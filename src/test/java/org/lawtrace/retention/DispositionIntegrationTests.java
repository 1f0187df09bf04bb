package org.lawtrace.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.MovableClock;
import org.lawtrace.audit.AuditApi;
import org.lawtrace.cases.CaseApi;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.RecordingApi.RecordingView;
import org.lawtrace.recordings.RecordingApi.UploadMetadata;
import org.lawtrace.recordings.Uploads;
import org.lawtrace.retention.RetentionApi.Chosen;
import org.lawtrace.retention.RetentionApi.Decision;
import org.lawtrace.retention.RetentionApi.DispositionView;
import org.lawtrace.retention.RetentionApi.DueView;
import org.lawtrace.retention.RetentionApi.MarkView;
import org.lawtrace.retention.RetentionApi.NewAppraisal;
import org.lawtrace.retention.RetentionApi.NewDisposition;
import org.lawtrace.retention.RetentionApi.NewHold;
import org.lawtrace.retention.RetentionApi.NewMark;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.storage.BlobStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * ART-16, ART-17: what is due for disposition and what stops it, and destruction only with the director's approval.
 * The clock is moved forward (and back after each test) for periods to run out; each test proposes only its own
 * records, so the other tests' data is never touched.
 */
@LawTraceIntegrationTest
class DispositionIntegrationTests {

	private static final String CUSTODIAN = "zhao.min";
	private static final String LEGAL = "chen.jing";
	private static final String DIRECTOR = "sun.li";
	private static final String DEPUTY = "liu.yang";
	private static long seed = System.nanoTime() + 16;

	@LocalServerPort
	int port;

	@Autowired
	MovableClock clock;

	@Autowired
	BlobStore store;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private RecordingView upload(UploadMetadata metadata) {
		return Uploads.upload(Api.as(port, "zhang.wei"), metadata,
				Media.mp4(Instant.now().minusSeconds(3600), Duration.ofMinutes(2), 4096, seed++), "daily.mp4")
			.expectStatus().isCreated().returnResult(RecordingView.class).getResponseBody();
	}

	private RecordingView dailyRecording() {
		return upload(UploadMetadata.by("zhang.wei"));
	}

	private List<DueView> due() {
		return Api.as(port, CUSTODIAN).get().uri("/api/v1/retention/due").exchange().expectStatus().isOk()
			.returnResult(new ParameterizedTypeReference<List<DueView>>() {
			}).getResponseBody();
	}

	private Optional<DueView> dueOf(String recordingId) {
		return due().stream().filter(d -> d.id().equals(recordingId)).findFirst();
	}

	private DispositionView propose(String... recordingIds) {
		return Api.as(port, CUSTODIAN).post().uri("/api/v1/retention/dispositions").contentType(MediaType.APPLICATION_JSON)
			.body(new NewDisposition(java.util.Arrays.stream(recordingIds).map(id -> new Chosen("RECORDING", id)).toList()))
			.exchange().expectStatus().isCreated().returnResult(DispositionView.class).getResponseBody();
	}

	private void advance(Duration by) {
		clock.advance(by);
	}

	@Test
	@DisplayName("ART-16.2: a daily recording is not due before a year from its recording, and is due after")
	void dailyRecordingIsKeptAYear() {
		var r = dailyRecording();
		assertThat(dueOf(r.id())).isEmpty();

		advance(Duration.ofDays(363));
		assertThat(dueOf(r.id())).isEmpty();

		advance(Duration.ofDays(3));
		assertThat(dueOf(r.id())).hasValueSatisfying(d -> {
			assertThat(d.period()).isEqualTo("1Y");
			assertThat(d.caseId()).isNull();
			assertThat(d.withheld()).isNull();
			assertThat(d.blobs()).extracting(RetentionApi.BlobView::sha256).contains(r.sha256());
		});
	}

	@Test
	@DisplayName("ART-16.3: a case's recording inherits the case file's period (10 years for an inspection), not a daily recording's year")
	void caseRecordingInheritsTheCasePeriod() {
		var caseNumber = Api.newCaseNumber();
		var caseId = Api.as(port, "zhang.wei").post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
			.body(CaseApi.penaltyCase(caseNumber).withKind("SUPERVISION_INSPECTION"))
			.exchange().expectStatus().isCreated().returnResult(CaseApi.CaseView.class).getResponseBody().id();
		var r = upload(UploadMetadata.unnamed().inCase(caseId));
		Api.as(port, "zhang.wei").post().uri("/api/v1/cases/{id}/close", caseId).contentType(MediaType.APPLICATION_JSON)
			.body("{}").exchange().expectStatus().isOk();

		advance(Duration.ofDays(2 * 366));
		assertThat(dueOf(r.id())).as("a year and more: a daily recording would be due, a case's is not").isEmpty();

		advance(Duration.ofDays(10 * 366 - 2 * 366));
		assertThat(dueOf(r.id())).hasValueSatisfying(d -> {
			assertThat(d.period()).isEqualTo("10Y");
			assertThat(d.caseNumber()).isEqualTo(caseNumber);
		});
	}

	@Test
	@DisplayName("ART-16, ART-17: a hold and an approved long-term mark each keep a due recording off any disposition")
	void holdAndLongTermMarkStopDisposition() {
		var held = dailyRecording();
		var marked = dailyRecording();
		Api.as(port, LEGAL).post().uri("/api/v1/retention/holds").contentType(MediaType.APPLICATION_JSON)
			.body(new NewHold("RECORDING", held.id(), "LITIGATION", "当事人提起行政诉讼"))
			.exchange().expectStatus().isCreated();
		var mark = Api.as(port, CUSTODIAN).post().uri("/api/v1/retention/long-term-marks")
			.contentType(MediaType.APPLICATION_JSON)
			.body(new NewMark("RECORDING", marked.id(), "OBSTRUCTION", null))
			.exchange().expectStatus().isCreated().returnResult(MarkView.class).getResponseBody();
		Api.as(port, DIRECTOR).post().uri("/api/v1/retention/long-term-marks/{id}/decision", mark.id())
			.contentType(MediaType.APPLICATION_JSON).body(new Decision(true, "同意长期保存"))
			.exchange().expectStatus().isOk();

		advance(Duration.ofDays(400));

		assertThat(dueOf(held.id())).hasValueSatisfying(d -> assertThat(d.withheld()).isEqualTo("HELD"));
		assertThat(dueOf(marked.id())).hasValueSatisfying(d -> assertThat(d.withheld()).isEqualTo("LONG_TERM"));
		var problem = Api.as(port, CUSTODIAN).post().uri("/api/v1/retention/dispositions")
			.contentType(MediaType.APPLICATION_JSON)
			.body(new NewDisposition(List.of(new Chosen("RECORDING", held.id()), new Chosen("RECORDING", marked.id()))))
			.exchange().expectStatus().isEqualTo(409).returnResult(Api.Problem.class).getResponseBody();
		assertThat(problem.field()).isEqualTo("records");
	}

	@Test
	@DisplayName("ART-17: a long-term mark for another important situation needs a reason (422/400 naming reason)")
	void otherSituationNeedsAReason() {
		var r = dailyRecording();
		var problem = Api.as(port, CUSTODIAN).post().uri("/api/v1/retention/long-term-marks")
			.contentType(MediaType.APPLICATION_JSON).body(new NewMark("RECORDING", r.id(), "OTHER", " "))
			.exchange().expectStatus().isBadRequest().returnResult(Api.Problem.class).getResponseBody();
		assertThat(problem.field()).isEqualTo("reason");
	}

	@Test
	@DisplayName("ART-16: destruction without the director's approval is refused and logged; after appraisal and approval the blob is gone, the register keeps its digests, and its content answers 410")
	void destructionOnlyWithTheDirectorsApproval() throws Exception {
		var r = dailyRecording();
		var digest = new ContentDigest(r.sha256(), null, r.sizeBytes());
		advance(Duration.ofDays(400));
		var d = propose(r.id());
		assertThat(d.status()).isEqualTo("PROPOSED");
		assertThat(d.items()).extracting(i -> i.digest().sha256()).contains(r.sha256());

		Api.as(port, CUSTODIAN).post().uri("/api/v1/retention/dispositions/{id}/destruction", d.id())
			.exchange().expectStatus().isForbidden();
		Api.as(port, DEPUTY).post().uri("/api/v1/retention/dispositions/{id}/decision", d.id())
			.contentType(MediaType.APPLICATION_JSON).body(new Decision(true, null))
			.exchange().expectStatus().isForbidden();
		assertThat(store.contains(digest)).isTrue();
		var refused = Api.as(port, DIRECTOR).get()
			.uri("/api/v1/audit/entries?subjectType=DISPOSITION&subjectId=" + d.id())
			.exchange().expectStatus().isOk().returnResult(AuditApi.EntryPage.class).getResponseBody().items();
		assertThat(refused).anySatisfy(e -> {
			assertThat(e.action()).isEqualTo("DISPOSITION_CARRY_OUT");
			assertThat(e.outcome()).isEqualTo("REFUSED");
		});

		// the director cannot approve before both appraisals agree
		Api.as(port, DIRECTOR).post().uri("/api/v1/retention/dispositions/{id}/decision", d.id())
			.contentType(MediaType.APPLICATION_JSON).body(new Decision(true, null))
			.exchange().expectStatus().isEqualTo(409);
		Api.as(port, CUSTODIAN).post().uri("/api/v1/retention/dispositions/{id}/appraisals", d.id())
			.contentType(MediaType.APPLICATION_JSON).body(new NewAppraisal("CUSTODIAN", true, "保管期限已满，无保存价值"))
			.exchange().expectStatus().isOk();
		Api.as(port, LEGAL).post().uri("/api/v1/retention/dispositions/{id}/appraisals", d.id())
			.contentType(MediaType.APPLICATION_JSON).body(new NewAppraisal("LEGAL_AFFAIRS", true, "无复议、诉讼、信访"))
			.exchange().expectStatus().isOk();
		Api.as(port, DIRECTOR).post().uri("/api/v1/retention/dispositions/{id}/decision", d.id())
			.contentType(MediaType.APPLICATION_JSON).body(new Decision(true, "同意销毁"))
			.exchange().expectStatus().isOk();

		var done = Api.as(port, CUSTODIAN).post().uri("/api/v1/retention/dispositions/{id}/destruction", d.id())
			.exchange().expectStatus().isOk().returnResult(DispositionView.class).getResponseBody();

		assertThat(done.status()).isEqualTo("CARRIED_OUT");
		assertThat(done.items()).allSatisfy(i -> {
			assertThat(i.primaryOutcome()).isEqualTo("DESTROYED");
			assertThat(i.destroyedAt()).isNotNull();
		});
		assertThat(store.contains(digest)).isFalse();
		Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}/content", r.id())
			.exchange().expectStatus().isEqualTo(410);
		Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}", r.id()).exchange().expectStatus().isOk();
		assertThat(dueOf(r.id())).as("a destroyed record is no longer due").isEmpty();
		var reconciliation = Api.as(port, DIRECTOR).get().uri("/api/v1/storage/reconciliation").exchange()
			.expectStatus().isOk().returnResult(org.lawtrace.storage.StorageApi.ReconciliationReport.class)
			.getResponseBody();
		assertThat(reconciliation.missing()).as("a destroyed blob is not reported missing though its record names it")
			.extracting(org.lawtrace.storage.StorageApi.MissingBlob::sha256).doesNotContain(r.sha256());

		var xlsx = Api.as(port, DIRECTOR).get().uri("/api/v1/retention/dispositions/{id}/register.xlsx", d.id())
			.exchange().expectStatus().isOk().returnResult(byte[].class).getResponseBody();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var text = new StringBuilder();
			workbook.getSheetAt(0).forEach(row -> row.forEach(cell -> text.append(cell.toString()).append('|')));
			assertThat(text).contains(r.sha256(), done.registerNumber(), "已销毁", "批准销毁");
		}
		var pdf = Api.as(port, DIRECTOR).get().uri("/api/v1/retention/dispositions/{id}/register.pdf", d.id())
			.exchange().expectStatus().isOk().returnResult(byte[].class).getResponseBody();
		try (var document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document).replaceAll("\\s", "")).contains(r.sha256().substring(0, 16));
		}
		// the custodian sees recordings' metadata (ART-13), so the log of this recording too
		org.awaitility.Awaitility.await().atMost(org.lawtrace.Patience.of(Duration.ofSeconds(10)))
			.untilAsserted(() -> assertThat(Api.as(port, CUSTODIAN).get()
				.uri("/api/v1/audit/entries?subjectType=RECORDING&subjectId=" + r.id())
				.exchange().expectStatus().isOk().returnResult(AuditApi.EntryPage.class).getResponseBody().items())
				.anySatisfy(e -> assertThat(e.action()).isEqualTo("RECORD_DESTROYED")));
		org.awaitility.Awaitility.await().atMost(org.lawtrace.Patience.of(Duration.ofSeconds(10)))
			.untilAsserted(() -> assertThat(Api.as(port, DIRECTOR).get()
				.uri("/api/v1/audit/entries?subjectType=BLOB&subjectId=" + r.sha256())
				.exchange().expectStatus().isOk().returnResult(AuditApi.EntryPage.class).getResponseBody().items())
				.anySatisfy(e -> {
					assertThat(e.action()).isEqualTo("BLOB_DESTROYED");
					assertThat(e.detail()).contains("PRIMARY:DESTROYED");
				}));
	}
}
