package org.lawtrace.retention;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.lawtrace.Api;
import org.lawtrace.documents.DocumentApi;
import org.lawtrace.documents.Pdfs;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.RecordingApi.UploadMetadata;
import org.lawtrace.recordings.Uploads;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Walks a general-procedure penalty case to archiving (归档) through the REST API as the demo bureau does it, for the
 * archiving tests and the disc tests that need an archival package; and the archives API's JSON contract as the tests
 * pin it.
 */
final class ArchiveScenario {

	private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
	/** Each recording a different length, so no two cases share an original. */
	private static final AtomicInteger SECONDS = new AtomicInteger(3);

	private final int port;

	ArchiveScenario(int port) {
		this.port = port;
	}

	/** A closed case and the sound recording in it. */
	record ClosedCase(String caseId, String recordingId) {
	}

	/**
	 * A general-procedure penalty case, filed, decided and closed with its documents signed and sealed and a sound
	 * recording in it; {@code withClosingForm} false leaves out the 结案审批表 the file plan requires.
	 */
	ClosedCase closedCase(boolean withClosingForm) {
		var caseId = Api.openCase(port, Api.newCaseNumber());
		var now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
		var filing = stage(caseId, "FILING", now.minusHours(2));
		var decision = stage(caseId, "DECISION", now.minusHours(1));
		var filingForm = document(caseId, "FILING_APPROVAL", filing, "立案审批表", 1);
		officersSign(filingForm);
		var penalty = document(caseId, "PENALTY_DECISION", decision, "行政处罚决定书", 2);
		confirm(penalty, DocumentApi.Confirmation.seal());
		var seconds = SECONDS.incrementAndGet();
		var recording = Uploads.upload(Api.as(port, "zhang.wei"), UploadMetadata.unnamed().inCase(caseId)
			.startedAt(ISO.format(now.minusMinutes(50))).endedAt(ISO.format(now.minusMinutes(50).plusSeconds(seconds))),
				Media.wav(seconds, System.nanoTime()), "询问录音.wav").expectStatus().isCreated().returnResult(Api.Created.class)
			.getResponseBody().id();
		if (withClosingForm) {
			officersSign(document(caseId, "CLOSING_APPROVAL", null, "结案审批表", 1));
		}
		Api.as(port, "zhang.wei").post().uri("/api/v1/cases/{id}/close", caseId).exchange().expectStatus().isOk();
		return new ClosedCase(caseId, recording);
	}

	/** A closed supervision inspection and its records. */
	record ClosedInspection(String caseId, String recordingId, String documentId) {
	}

	/**
	 * A supervision inspection (监督检查: ten years from closing in the shipped file plan), closed with a sound
	 * recording and its signed closing form in it: a file whose period runs out, for the disposition tests.
	 */
	ClosedInspection closedInspection() {
		var caseId = Api.as(port, "zhang.wei").post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
			.body(org.lawtrace.cases.CaseApi.penaltyCase(Api.newCaseNumber()).withKind("SUPERVISION_INSPECTION"))
			.exchange().expectStatus().isCreated().returnResult(org.lawtrace.cases.CaseApi.CaseView.class)
			.getResponseBody().id();
		var now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
		var seconds = SECONDS.incrementAndGet();
		var recording = Uploads.upload(Api.as(port, "zhang.wei"), UploadMetadata.unnamed().inCase(caseId)
			.startedAt(ISO.format(now.minusMinutes(50))).endedAt(ISO.format(now.minusMinutes(50).plusSeconds(seconds))),
				Media.wav(seconds, System.nanoTime()), "检查录音.wav").expectStatus().isCreated()
			.returnResult(Api.Created.class).getResponseBody().id();
		var closing = document(caseId, "CLOSING_APPROVAL", null, "结案审批表", 1);
		officersSign(closing);
		Api.as(port, "zhang.wei").post().uri("/api/v1/cases/{id}/close", caseId).exchange().expectStatus().isOk();
		return new ClosedInspection(caseId, recording, closing);
	}

	/** {@code POST /api/v1/archives} by {@code user}, with the director's override reason if any. */
	RestTestClient.ResponseSpec archive(String user, String caseId, @Nullable String overrideReason) {
		return Api.as(port, user).post().uri("/api/v1/archives").contentType(MediaType.APPLICATION_JSON)
			.body(new ArchiveOrder(caseId, overrideReason)).exchange();
	}

	/** A closed case archived by the custodian, its checks passed. */
	ArchiveView archived() {
		return archive("zhao.min", closedCase(true).caseId(), null).expectStatus().isCreated()
			.returnResult(ArchiveView.class).getResponseBody();
	}

	private String stage(String caseId, String kind, OffsetDateTime at) {
		return Api.as(port, "zhang.wei").post().uri("/api/v1/cases/{id}/stages", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new DocumentApi.NewStage(kind, at, List.of("zhang.wei", "li.na"))).exchange()
			.expectStatus().isCreated().returnResult(DocumentApi.Created.class).getResponseBody().id();
	}

	private String document(String caseId, String kind, @Nullable String stageId, String title, int pages) {
		var body = new MultipartBodyBuilder();
		body.part("metadata", new DocumentApi.DocumentMetadata(kind, caseId, stageId, null, title),
				MediaType.APPLICATION_JSON);
		body.part("file", new ByteArrayResource(Pdfs.pages(pages))).filename("scan.pdf")
			.contentType(MediaType.APPLICATION_PDF);
		return Api.as(port, "zhang.wei").post().uri("/api/v1/documents").contentType(MediaType.MULTIPART_FORM_DATA)
			.body(body.build()).exchange().expectStatus().isCreated()
			.returnResult(DocumentApi.DocumentView.class).getResponseBody().id();
	}

	private void officersSign(String documentId) {
		confirm(documentId, DocumentApi.Confirmation.officer("zhang.wei"));
		confirm(documentId, DocumentApi.Confirmation.officer("li.na"));
	}

	private void confirm(String documentId, DocumentApi.Confirmation confirmation) {
		Api.as(port, "zhang.wei").post().uri("/api/v1/documents/{id}/confirmations", documentId)
			.contentType(MediaType.APPLICATION_JSON).body(confirmation).exchange().expectStatus().isCreated();
	}

	record ArchiveOrder(String caseId, @Nullable String overrideReason) {
	}

	record ArchiveView(String id, String caseId, String archiveNumber, String retentionPeriod,
			String retentionPeriodChinese, @Nullable String dueOn, boolean needsNewVersion, @Nullable DisposedView disposed,
			List<VersionView> versions) {
	}

	/** ART-16: when an archived file's packages were destroyed, and under which disposition. */
	record DisposedView(String at, String disposition, String registerNumber) {
	}

	record VersionView(int version, String sha256, long sizeBytes, boolean passed, @Nullable String overrideReason,
			@Nullable String overriddenBy, Report report) {
	}

	record Report(List<Finding> findings, @Nullable String overrideReason) {
	}

	record Finding(String property, String check, boolean passed, String detail) {
	}
}
