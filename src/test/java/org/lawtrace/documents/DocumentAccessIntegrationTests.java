package org.lawtrace.documents;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.LawTraceIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Text records are seen by approval like recordings: a grant may name chosen documents (ART-20). */
@LawTraceIntegrationTest
class DocumentAccessIntegrationTests {

	@LocalServerPort
	int port;

	private RestTestClient.ResponseSpec read(DocumentScenario s, String who, Object documentId) {
		return s.as(who).get().uri("/api/v1/documents/{id}/content", documentId).exchange();
	}

	@Test
	@DisplayName("ART-20: a grant naming one document opens that document's file and no other of the case, and the "
			+ "document page shows the grant, or 申请查阅 where there is none")
	void grantForAChosenDocumentOpensOnlyThatOne() {
		var s = new DocumentScenario(port);
		var filing = s.document("FILING_APPROVAL", null, "立案审批表", 1).get("id");
		var closing = s.document("CLOSING_APPROVAL", null, "结案审批表", 1).get("id");
		read(s, "chen.jing", filing).expectStatus().isForbidden();
		assertThat(grantsPanel(s, "chen.jing", filing)).contains("ask-access").doesNotContain("class=\"access-grant\"");

		var requestId = s.as("chen.jing").post().uri("/api/v1/access-requests").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("caseId", s.caseId, "scope", "RECORDS", "records",
					List.of(Map.of("kind", "DOCUMENT", "id", filing)), "purpose", "复议答复核对立案审批", "days", 2))
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
		s.as("liu.yang").post().uri("/api/v1/access-requests/{id}/approval", requestId)
			.contentType(MediaType.APPLICATION_JSON).body(Map.of("opinion", "同意")).exchange().expectStatus().isOk();

		read(s, "chen.jing", filing).expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF);
		read(s, "chen.jing", closing).expectStatus().isForbidden();
		assertThat(grantsPanel(s, "chen.jing", filing)).contains("class=\"access-grant\"", "陈静").doesNotContain("ask-access");
		assertThat(grantsPanel(s, "chen.jing", closing)).contains("ask-access");
	}

	/** The document page's grants panel, as htmx loads it. */
	private String grantsPanel(DocumentScenario s, String who, Object documentId) {
		var body = s.as(who).get().uri("/access/fragments/document/{id}", documentId).header("HX-Request", "true")
			.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		return body == null ? "" : body;
	}
}
