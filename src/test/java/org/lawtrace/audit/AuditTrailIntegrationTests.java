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

		var casePage = Api.as(port, "zhou.tao").get().uri("/audit/cases/{id}", caseId).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		// ART-20: the recording's entries are its metadata: not for the discipline unit without a grant
		assertThat(casePage).contains("id=\"trail-table\"").contains(caseNumber).contains(">CASE_OPENED<")
			.doesNotContain("/audit/custody/RECORDING/" + recording);
		var custodianPage = Api.as(port, "zhao.min").get().uri("/audit/cases/{id}", caseId).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(custodianPage).contains(">CASE_OPENED<").contains(">UPLOAD<")
			.contains("/audit/custody/RECORDING/" + recording);

		var personPage = Api.as(port, "zhou.tao").get().uri("/audit/people/{u}", "zhang.wei").exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(personPage).contains("id=\"trail-table\"").contains(">CASE_OPENED<").contains(caseId);
		assertThat(personPage).doesNotContain(">li.na<");

		Api.as(port, "zhang.wei").get().uri("/audit/cases/{id}", caseId).exchange().expectStatus().isForbidden();
		Api.as(port, "zhang.wei").get().uri("/audit/people/{u}", "li.na").exchange().expectStatus().isForbidden();
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
