package org.lawtrace.documents;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
			.body(Map.of("kind", kind, "startedAt", "2026-11-20T09:30:00+08:00", "present", present))
			.exchange().expectStatus().isCreated()
			.returnResult(Map.class).getResponseBody().get("id").toString();
	}

	RestTestClient.ResponseSpec register(String user, Map<String, ?> metadata, byte[] file) {
		var body = new MultipartBodyBuilder();
		body.part("metadata", metadata, MediaType.APPLICATION_JSON);
		body.part("file", new ByteArrayResource(file)).filename("scan.pdf").contentType(MediaType.APPLICATION_PDF);
		return as(user).post().uri("/api/v1/documents").contentType(MediaType.MULTIPART_FORM_DATA).body(body.build())
			.exchange();
	}

	Map<String, Object> metadata(String kind, String stageId, String title) {
		var m = new HashMap<String, Object>();
		m.put("kind", kind);
		m.put("caseId", caseId);
		if (stageId != null) {
			m.put("stageId", stageId);
		}
		m.put("title", title);
		return m;
	}

	/** Registers a document as zhang.wei and answers it as the API shows it. */
	@SuppressWarnings("unchecked")
	Map<String, Object> document(String kind, String stageId, String title, int pages) {
		return register("zhang.wei", metadata(kind, stageId, title), Pdfs.pages(pages))
			.expectStatus().isCreated()
			.returnResult(Map.class).getResponseBody();
	}

	RestTestClient.ResponseSpec change(String documentId, String reason, byte[] file) {
		var body = new MultipartBodyBuilder();
		body.part("metadata", Map.of("reason", reason), MediaType.APPLICATION_JSON);
		body.part("file", new ByteArrayResource(file)).filename("changed.pdf").contentType(MediaType.APPLICATION_PDF);
		return as("zhang.wei").post().uri("/api/v1/documents/{id}/versions", documentId)
			.contentType(MediaType.MULTIPART_FORM_DATA).body(body.build()).exchange();
	}

	RestTestClient.ResponseSpec confirm(String documentId, Map<String, ?> confirmation) {
		return as("zhang.wei").post().uri("/api/v1/documents/{id}/confirmations", documentId)
			.contentType(MediaType.APPLICATION_JSON).body(confirmation).exchange();
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> signed(String documentId, Map<String, ?> confirmation) {
		return confirm(documentId, confirmation).expectStatus().isCreated().returnResult(Map.class).getResponseBody();
	}

	Map<String, Object> officersSign(String documentId) {
		signed(documentId, Map.of("kind", "SIGNATURE", "role", "OFFICER", "signer", "zhang.wei"));
		return signed(documentId, Map.of("kind", "SIGNATURE", "role", "OFFICER", "signer", "li.na"));
	}

	Map<String, Object> partySigns(String documentId, List<Integer> pages) {
		return signed(documentId, Map.of("kind", "SIGNATURE", "role", "PARTY", "name", "东阳市示例食品有限公司",
				"pages", pages));
	}

	Map<String, Object> seal(String documentId) {
		return signed(documentId, Map.of("kind", "SEAL", "role", "BUREAU"));
	}

	RestTestClient.ResponseSpec serve(String documentId, Map<String, ?> service) {
		return as("zhang.wei").post().uri("/api/v1/documents/{id}/services", documentId)
			.contentType(MediaType.APPLICATION_JSON).body(service).exchange();
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> get(String documentId) {
		return as("zhang.wei").get().uri("/api/v1/documents/{id}", documentId).exchange().expectStatus().isOk()
			.returnResult(Map.class).getResponseBody();
	}

	void close() {
		as("zhang.wei").post().uri("/api/v1/cases/{id}/close", caseId).exchange().expectStatus().isOk();
	}
}
