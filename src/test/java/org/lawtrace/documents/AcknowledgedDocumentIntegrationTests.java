package org.lawtrace.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lawtrace.RunsBesideOtherTests;
import org.lawtrace.Api;
import org.lawtrace.PackagedJar;
import org.lawtrace.RealDatabaseAvailable;
import org.lawtrace.storage.TwinDigestTestAccess;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;

/**
 * ART-15.1, ART-05 and the trust rule "an acknowledgement means blob, row and audit entry are durable", for text
 * records (issue 12, finding 1): the packaged jar is killed ({@code kill -9}) the moment a document's 201 arrives, and
 * after a restart the document is there with its DOCUMENT_REGISTERED entry and its bytes, byte-identical. Before,
 * the entry was written after the commit by an asynchronous listener and H2 wrote the commit up to half a second
 * later, so a kill right after the answer could lose the entry or the row (bench/crash-durability.sh documents
 * repeats it).
 */
@RunsBesideOtherTests
@ExtendWith(RealDatabaseAvailable.class)
class AcknowledgedDocumentIntegrationTests {

	@Test
	@DisplayName("ART-15.1 kill -9 right after a document's 201: after a restart the document has its row, its "
			+ "DOCUMENT_REGISTERED entry and its bytes")
	void anAcknowledgedDocumentSurvivesAKillRightAfterTheAnswer() throws Exception {
		var server = PackagedJar.fresh("lawtrace_ack_doc");
		var acknowledged = new LinkedHashMap<String, byte[]>();
		try {
			server.start();
			var caseId = Api.openCase(server.port(), Api.newCaseNumber());
			var file = Pdfs.pages(2);
			var answer = register(server.port(), caseId, file);
			server.kill();
			acknowledged.put(answer.id(), file);

			server.start();
			var port = server.port();
			for (var each : acknowledged.entrySet()) {
				var id = each.getKey();
				Api.as(port, "zhang.wei").get().uri("/api/v1/documents/{id}", id).exchange().expectStatus().isOk();
				var entries = Api.as(port, "zhao.min").get()
					.uri("/api/v1/audit/entries?subjectType=DOCUMENT&subjectId={id}", id).exchange()
					.expectStatus().isOk().returnResult(DocumentApi.AuditPage.class).getResponseBody();
				assertThat(entries.items()).as("audit entries of %s after the kill", id)
					.extracting(DocumentApi.AuditEntry::action).contains("DOCUMENT_REGISTERED");
				var content = Api.as(port, "zhang.wei").get().uri("/api/v1/documents/{id}/content", id).exchange()
					.expectStatus().isOk().returnResult(byte[].class).getResponseBody();
				assertThat(TwinDigestTestAccess.sha256(content)).isEqualTo(TwinDigestTestAccess.sha256(each.getValue()));
			}
		}
		finally {
			server.stop();
		}
	}

	private static DocumentApi.DocumentView register(int port, String caseId, byte[] file) {
		var metadata = new DocumentApi.DocumentMetadata("ADVANCE_NOTICE", caseId, null, null, "行政处罚告知书");
		var body = new MultipartBodyBuilder();
		body.part("metadata", metadata, MediaType.APPLICATION_JSON);
		body.part("file", new ByteArrayResource(file)).filename("notice.pdf").contentType(MediaType.APPLICATION_PDF);
		return Api.as(port, "zhang.wei").post().uri("/api/v1/documents").contentType(MediaType.MULTIPART_FORM_DATA)
			.body(body.build()).exchange().expectStatus().isCreated().returnResult(DocumentApi.DocumentView.class)
			.getResponseBody();
	}
}
