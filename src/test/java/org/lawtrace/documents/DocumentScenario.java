package org.lawtrace.documents;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lawtrace.Api;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Drives the documents API as the demo officers do: stages of a case, documents with files, signatures, service. */
final class DocumentScenario {

	private final int port;
	final String caseId;

	DocumentScenario(int port) {
		this.port = port;
		this.caseId = Api.openCase(port, Api.newCaseNumber());
	}

	RestTestClient as(String user) {
		return Api.as(port, user);
	}

	String stage(String kind, String... present) {
		return stage(kind, List.of(present));
	}

	String stage(String kind, List<String> present) {
		return as("zhang.wei").post().uri("/api/v1/cases/{id}/stages", caseId).contentType(MediaType.APPLICATION_JSON)
			.body(new DocumentApi.NewStage(kind, OffsetDateTime.parse("2026-11-20T09:30:00+08:00"), present))
			.exchange().expectStatus().isCreated()
			.returnResult(DocumentApi.Created.class).getResponseBody().id();
	}

	RestTestClient.ResponseSpec register(String user, DocumentApi.DocumentMetadata metadata, byte[] file) {
		var body = new MultipartBodyBuilder();
		body.part("metadata", metadata, MediaType.APPLICATION_JSON);
		body.part("file", new ByteArrayResource(file)).filename("scan.pdf").contentType(MediaType.APPLICATION_PDF);
		return as(user).post().uri("/api/v1/documents").contentType(MediaType.MULTIPART_FORM_DATA).body(body.build())
			.exchange();
	}

	DocumentApi.DocumentMetadata metadata(String kind, @Nullable String stageId, String title) {
		return new DocumentApi.DocumentMetadata(kind, caseId, stageId, null, title);
	}

	/** Registers a document as zhang.wei and answers it as the API shows it. */
	DocumentApi.DocumentView document(String kind, @Nullable String stageId, String title, int pages) {
		return register("zhang.wei", metadata(kind, stageId, title), Pdfs.pages(pages))
			.expectStatus().isCreated()
			.returnResult(DocumentApi.DocumentView.class).getResponseBody();
	}

	RestTestClient.ResponseSpec change(String documentId, String reason, byte[] file) {
		var body = new MultipartBodyBuilder();
		body.part("metadata", new DocumentApi.Change(reason), MediaType.APPLICATION_JSON);
		body.part("file", new ByteArrayResource(file)).filename("changed.pdf").contentType(MediaType.APPLICATION_PDF);
		return as("zhang.wei").post().uri("/api/v1/documents/{id}/versions", documentId)
			.contentType(MediaType.MULTIPART_FORM_DATA).body(body.build()).exchange();
	}

	RestTestClient.ResponseSpec confirm(String documentId, DocumentApi.Confirmation confirmation) {
		return as("zhang.wei").post().uri("/api/v1/documents/{id}/confirmations", documentId)
			.contentType(MediaType.APPLICATION_JSON).body(confirmation).exchange();
	}

	DocumentApi.DocumentView signed(String documentId, DocumentApi.Confirmation confirmation) {
		return confirm(documentId, confirmation).expectStatus().isCreated().returnResult(DocumentApi.DocumentView.class)
			.getResponseBody();
	}

	DocumentApi.DocumentView officersSign(String documentId) {
		signed(documentId, DocumentApi.Confirmation.officer("zhang.wei"));
		return signed(documentId, DocumentApi.Confirmation.officer("li.na"));
	}

	DocumentApi.DocumentView partySigns(String documentId, List<Integer> pages) {
		return signed(documentId, DocumentApi.Confirmation.party("东阳市示例食品有限公司", pages));
	}

	DocumentApi.DocumentView seal(String documentId) {
		return signed(documentId, DocumentApi.Confirmation.seal());
	}

	RestTestClient.ResponseSpec serve(String documentId, DocumentApi.Service service) {
		return as("zhang.wei").post().uri("/api/v1/documents/{id}/services", documentId)
			.contentType(MediaType.APPLICATION_JSON).body(service).exchange();
	}

	DocumentApi.DocumentView get(String documentId) {
		return as("zhang.wei").get().uri("/api/v1/documents/{id}", documentId).exchange().expectStatus().isOk()
			.returnResult(DocumentApi.DocumentView.class).getResponseBody();
	}

	void close() {
		as("zhang.wei").post().uri("/api/v1/cases/{id}/close", caseId).exchange().expectStatus().isOk();
	}
}
