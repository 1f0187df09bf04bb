package org.lawtrace.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.cases.CaseApi.NewStage;
import org.lawtrace.collector.TusClient;
import org.lawtrace.recordings.RecordingApi.RecordingView;
import org.lawtrace.recordings.RecordingApi.UploadMetadata;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * ART-06, ART-08, ART-15.1 (issue 11, finding 5): only those who take part in a case upload into it, and the
 * recorder is taken from the facts (the device's holder, or the uploader), not picked by the uploader; nobody whose
 * certificate has expired, and nobody outside the case, is named recorder of a case's recording.
 */
@LawTraceIntegrationTest
class UploadIntoCaseIntegrationTests {

	private static long seed = System.nanoTime() + 13;

	@LocalServerPort
	int port;

	private static byte[] video() {
		return Media.mp4(Instant.now().minusSeconds(3600), Duration.ofMinutes(5), 2048, seed++);
	}

	/** A case handled by zhang.wei and li.na, with a stage at which the assistant wang.qiang was present. */
	private String caseWithAssistantPresent() {
		var caseId = Api.openCase(port, Api.newCaseNumber());
		Api.as(port, "zhang.wei").post().uri("/api/v1/cases/{id}/stages", caseId).contentType(MediaType.APPLICATION_JSON)
			.body(NewStage.of("ON_SITE_INSPECTION", Instant.now().minusSeconds(7200).toString(), "zhang.wei",
					"wang.qiang"))
			.exchange().expectStatus().isCreated();
		return caseId;
	}

	private void refused(RestTestClient.ResponseSpec response, int status, String field) {
		var problem = response.expectStatus().isEqualTo(status)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.returnResult(Api.Problem.class).getResponseBody();
		assertThat(problem.status()).isEqualTo(status);
		assertThat(problem.field()).isEqualTo(field);
	}

	@Test
	@DisplayName("ART-06, ART-15.1: an officer who neither handles the case nor was present at a stage cannot upload "
			+ "into it (403 naming caseId), by multipart or tus; handlers, staff present and the custodian can")
	void onlyThoseTakingPartUploadIntoACase() {
		var caseId = caseWithAssistantPresent();
		refused(Uploads.upload(Api.as(port, "chen.hao"), UploadMetadata.unnamed().inCase(caseId), video(),
				"outsider.mp4"), 403, "caseId");
		refused(Uploads.upload(Api.as(port, "chen.hao"), UploadMetadata.by("chen.hao").inCase(caseId), video(),
				"outsider.mp4"), 403, "caseId");
		var tus = new TusClient(URI.create(Api.base(port)),
				"Basic " + Base64.getEncoder().encodeToString("chen.hao:demo".getBytes(StandardCharsets.UTF_8)));
		assertThatExceptionOfType(TusClient.Refused.class)
			.isThrownBy(() -> tus.create(1000, Map.of("filename", "x.mp4", "caseId", caseId)))
			.satisfies(e -> assertThat(e.status()).isEqualTo(403))
			.withMessageContaining("caseId");

		assertThat(recorder(Uploads.upload(Api.as(port, "li.na"), UploadMetadata.unnamed().inCase(caseId), video(),
				"handler.mp4"))).isEqualTo("li.na");
		Uploads.upload(Api.as(port, "wang.qiang"), UploadMetadata.by("wang.qiang").inCase(caseId), video(),
				"present.mp4").expectStatus().isCreated();
		assertThat(recorder(Uploads.upload(Api.as(port, "zhao.min"), UploadMetadata.by("zhang.wei").inCase(caseId),
				video(), "filed.mp4"))).isEqualTo("zhang.wei");
	}

	@Test
	@DisplayName("ART-08, ART-15.1: the recorder is the uploader unless the device's holder says otherwise; naming "
			+ "another officer, an officer outside the case, or one whose certificate expired is refused (422 naming "
			+ "recordedBy)")
	void theRecorderIsNotTheUploadersChoice() {
		var caseId = caseWithAssistantPresent();
		refused(Uploads.upload(Api.as(port, "zhang.wei"), UploadMetadata.by("li.na").inCase(caseId), video(),
				"other.mp4"), 422, "recordedBy");
		refused(Uploads.upload(Api.as(port, "zhang.wei"), UploadMetadata.by("huang.lei").inCase(caseId), video(),
				"expired.mp4"), 422, "recordedBy");
		refused(Uploads.upload(Api.as(port, "zhang.wei"), UploadMetadata.by("li.na"), video(), "unlinked.mp4"), 422,
				"recordedBy");
		// even the custodian, who files others' material, names neither an outsider nor an unqualified recorder
		refused(Uploads.upload(Api.as(port, "zhao.min"), UploadMetadata.by("huang.lei").inCase(caseId), video(),
				"expired.mp4"), 422, "recordedBy");
		refused(Uploads.upload(Api.as(port, "zhao.min"), UploadMetadata.by("chen.hao").inCase(caseId), video(),
				"outsider.mp4"), 422, "recordedBy");

		assertThat(recorder(Uploads.upload(Api.as(port, "zhang.wei"), UploadMetadata.unnamed().inCase(caseId), video(),
				"mine.mp4"))).isEqualTo("zhang.wei");
	}

	private static String recorder(RestTestClient.ResponseSpec upload) {
		return upload.expectStatus().isCreated().returnResult(RecordingView.class).getResponseBody().recordedBy()
			.username();
	}
}
