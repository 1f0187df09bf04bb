package org.lawtrace.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lawtrace.documents.CaseFileIntegrationTests.id;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.Uploads;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/** Kinds edited by the administrator as versions; refusals and service that need their AV record (ART-06.2). */
@LawTraceIntegrationTest
class DocumentKindsIntegrationTests {

	@LocalServerPort
	int port;

	private static DocumentApi.KindDefinition definition(List<String> confirmations) {
		return new DocumentApi.KindDefinition("专项检查记录", "Special inspection record", "RECORD", confirmations, false,
				List.of("ON_SITE_INSPECTION"), "MAIN", 4);
	}

	@Test
	@DisplayName("Rules versioned (Chapter 8): the administrator's edit is a new kind version; a document keeps the "
			+ "version it was registered under; others may not edit")
	void kindsAreEditedAsVersions() {
		var code = "SPECIAL_RECORD_" + ThreadLocalRandom.current().nextInt(1_000_000);
		var admin = Api.as(port, "admin");
		admin.put().uri("/api/v1/document-kinds/{code}", code).contentType(MediaType.APPLICATION_JSON)
			.body(definition(List.of("OFFICERS"))).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.version").isEqualTo(1);
		var s = new DocumentScenario(port);
		var inspection = s.stage("ON_SITE_INSPECTION", "zhang.wei", "li.na");
		var document = id(s.document(code, inspection, "专项检查记录", 1));
		admin.put().uri("/api/v1/document-kinds/{code}", code).contentType(MediaType.APPLICATION_JSON)
			.body(definition(List.of("OFFICERS", "PARTY"))).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.version").isEqualTo(2);
		admin.get().uri("/api/v1/document-kinds/{code}/versions", code).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.length()").isEqualTo(2);
		// the document registered under version 1 needs only the officers
		assertThat(s.officersSign(document).effective()).isTrue();
		var later = s.document(code, inspection, "专项检查记录（二）", 1);
		assertThat(later.kind().version()).isEqualTo(2);
		assertThat(s.officersSign(id(later)).effective()).isFalse();

		Api.as(port, "zhang.wei").put().uri("/api/v1/document-kinds/{code}", code)
			.contentType(MediaType.APPLICATION_JSON).body(definition(List.of())).exchange().expectStatus().isForbidden();
		var bad = definition(List.of()).inSection(9);
		admin.put().uri("/api/v1/document-kinds/{code}", code).contentType(MediaType.APPLICATION_JSON).body(bad)
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("section");
		Api.as(port, "zhou.tao").get().uri("/api/v1/document-kinds").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$[?(@.code == 'QUESTIONING_RECORD')].chineseName").isEqualTo(List.of("询问笔录"));
	}

	@Test
	@DisplayName("ART-06.2, SAMR-PR Art. 43, 82: a refusal to sign and service left at the address with the AV record "
			+ "of the case; public notice deemed served 30 days after posting")
	void refusalAndServiceWithTheirRecording() {
		var s = new DocumentScenario(port);
		var service = s.stage("SERVICE_LEFT_AT_ADDRESS", "zhang.wei", "li.na");
		var photo = Media.jpeg(LocalDateTime.now().minusHours(1), 29.28, 120.24, System.nanoTime());
		var recordingId = Uploads.upload(Api.as(port, "zhang.wei"),
				Map.of("recordedBy", "zhang.wei", "caseId", s.caseId, "stageIds", List.of(service)), photo, "left.jpg")
			.expectStatus().isCreated().returnResult(DocumentApi.Created.class).getResponseBody().id();
		var decision = id(s.document("PENALTY_DECISION", null, "行政处罚决定书（留置）", 2));
		s.seal(decision);
		var proof = id(s.document("PROOF_OF_SERVICE", service, "送达回证（留置）", 1));
		s.confirm(proof, DocumentApi.Confirmation.refusal("东阳市示例食品有限公司", null, null))
			.expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("recordingId");
		var refused = s.signed(proof, DocumentApi.Confirmation.refusal("东阳市示例食品有限公司", "村委会王某", recordingId));
		assertThat(refused.effective()).isTrue();
		var served = s.serve(decision, new DocumentApi.Service("LEFT_AT_ADDRESS", null, "村委会王某", null, recordingId,
				proof, null)).expectStatus().isCreated().returnResult(DocumentApi.DocumentView.class).getResponseBody();
		assertThat(served.services()).singleElement()
			.satisfies(x -> assertThat(x.recordingId()).isEqualTo(recordingId));

		var notice = id(s.document("ADVANCE_NOTICE", null, "行政处罚告知书（公告）", 1));
		s.seal(notice);
		var posted = s.serve(notice, new DocumentApi.Service("PUBLIC_NOTICE", null, null, "吴宁街道公告栏", recordingId, null,
				OffsetDateTime.parse("2026-11-20T10:00:00+08:00"))).expectStatus().isCreated()
			.returnResult(DocumentApi.DocumentView.class).getResponseBody();
		assertThat(posted.services().get(0).deemedServedAt()).isEqualTo("2026-12-20T10:00:00+08:00");
	}
}
