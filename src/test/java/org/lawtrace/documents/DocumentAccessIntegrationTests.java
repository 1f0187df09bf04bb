package org.lawtrace.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Text records are seen by approval like recordings: a grant may name chosen documents (ART-20). */
@LawTraceIntegrationTest
class DocumentAccessIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private RestTestClient.ResponseSpec read(DocumentScenario s, String who, Object documentId) {
		return s.as(who).get().uri("/api/v1/documents/{id}/content", documentId).exchange();
	}

	@Test
	@DisplayName("ART-20: a grant naming one document opens that document's file and no other of the case, and the "
			+ "document page shows the grant, or 申请查阅 where there is none")
	void grantForAChosenDocumentOpensOnlyThatOne() {
		var s = new DocumentScenario(port);
		var filing = s.document("FILING_APPROVAL", null, "立案审批表", 1).id();
		var closing = s.document("CLOSING_APPROVAL", null, "结案审批表", 1).id();
		// without a grant the document does not exist for legal affairs (ART-20); the custodian, who sees it but
		// not its file (ART-13), is offered 申请查阅 on its page
		read(s, "chen.jing", filing).expectStatus().isNotFound();
		grantsPanelStatus(s, "chen.jing", filing, 404);
		assertThat(grantsPanel(s, "zhao.min", filing)).contains("ask-access").doesNotContain("class=\"access-grant\"");

		var requestId = s.as("chen.jing").post().uri("/api/v1/access-requests").contentType(MediaType.APPLICATION_JSON)
			.body(new DocumentApi.NewAccessRequest(s.caseId, "RECORDS", List.of(new DocumentApi.RecordRef("DOCUMENT", filing)),
					"复议答复核对立案审批", 2))
			.exchange().expectStatus().isCreated().expectBody(DocumentApi.Created.class).returnResult().getResponseBody()
			.id();
		s.as("liu.yang").post().uri("/api/v1/access-requests/{id}/approval", requestId)
			.contentType(MediaType.APPLICATION_JSON).body(new DocumentApi.Decision("同意")).exchange().expectStatus().isOk();

		read(s, "chen.jing", filing).expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF);
		read(s, "chen.jing", closing).expectStatus().isNotFound();
		assertThat(grantsPanel(s, "chen.jing", filing)).contains("class=\"access-grant\"", "陈静").doesNotContain("ask-access");
		grantsPanelStatus(s, "chen.jing", closing, 404);
		assertThat(grantsPanel(s, "zhao.min", closing)).contains("ask-access");
	}

	/** The document page's grants panel, as htmx loads it. */
	private String grantsPanel(DocumentScenario s, String who, Object documentId) {
		var body = s.as(who).get().uri("/access/fragments/document/{id}", documentId).header("HX-Request", "true")
			.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		return body == null ? "" : body;
	}

	private void grantsPanelStatus(DocumentScenario s, String who, Object documentId, int status) {
		s.as(who).get().uri("/access/fragments/document/{id}", documentId).header("HX-Request", "true").exchange()
			.expectStatus().isEqualTo(status);
	}

	private int status(DocumentScenario s, String who, String uri, Object id) {
		return s.as(who).get().uri(uri, id).exchange().returnResult(String.class).getStatus().value();
	}

	private List<String> listed(DocumentScenario s, String who) {
		return Stream.of(s.as(who).get().uri("/api/v1/documents?caseId={id}", s.caseId).exchange().expectStatus().isOk()
			.expectBody(DocumentApi.DocumentView[].class).returnResult().getResponseBody())
			.map(DocumentApi.DocumentView::id).toList();
	}

	@Test
	@DisplayName("ART-20: without a grant a document's metadata is 404 like an unknown id, it is not listed, and the attempt is logged; a grant, the handlers and the custodian (ART-13) see it")
	void metadataOnlyWithAccess() {
		var s = new DocumentScenario(port);
		var filing = s.document("FILING_APPROVAL", null, "立案审批表", 1).id();
		var unknown = java.util.UUID.randomUUID().toString();
		for (var who : List.of("wang.qiang", "zhou.tao", "sun.li", "chen.jing")) {
			assertThat(status(s, who, "/api/v1/documents/{id}", filing)).as(who).isEqualTo(404);
			assertThat(s.as(who).get().uri("/api/v1/documents/{id}", filing).exchange().returnResult(String.class)
				.getResponseBody().replace(filing, "ID"))
				.isEqualTo(s.as(who).get().uri("/api/v1/documents/{id}", unknown).exchange()
					.returnResult(String.class).getResponseBody().replace(unknown, "ID"));
			assertThat(s.as(who).get().uri("/documents/{id}", filing).accept(MediaType.TEXT_HTML).exchange()
				.returnResult(String.class).getStatus().value()).as("the document's page").isEqualTo(404);
			assertThat(listed(s, who)).isEmpty();
			assertThat(jdbc.sql("select count(*) from audit_entry where subject_type = 'DOCUMENT' and subject_id = ? "
					+ "and actor = ? and action = 'VIEW' and outcome = 'REFUSED'").params(filing, who)
				.query(Long.class).single()).as("the attempts are logged").isGreaterThanOrEqualTo(2);
		}
		assertThat(listed(s, "li.na")).containsExactly(filing);
		assertThat(status(s, "zhao.min", "/api/v1/documents/{id}", filing)).isEqualTo(200);
		assertThat(listed(s, "zhao.min")).containsExactly(filing);
		read(s, "zhao.min", filing).expectStatus().isForbidden();

		Api.approvedAccess(port, "chen.jing", "liu.yang", s.caseId);
		assertThat(status(s, "chen.jing", "/api/v1/documents/{id}", filing)).isEqualTo(200);
		assertThat(listed(s, "chen.jing")).containsExactly(filing);
	}
}
