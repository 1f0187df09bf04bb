package org.lawtrace.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lawtrace.documents.CaseFileIntegrationTests.id;

import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.storage.BlobStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Refused requests answer a clear 4xx naming the field, and leave no row and no file behind. */
@LawTraceIntegrationTest
class DocumentBadInputIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BlobStore store;

	private long rows(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private long documentRows() {
		return rows("documents_document") + rows("documents_version") + rows("documents_confirmation")
				+ rows("documents_service");
	}

	private boolean stored(byte[] file) throws Exception {
		var sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
		return store.contains(new ContentDigest(sha, null, file.length));
	}

	@Test
	@DisplayName("ART-05.2: a document of a kind that does not belong to the stage is refused on stageId; nothing kept")
	void refusesAKindThatDoesNotFitTheStage() throws Exception {
		var s = new DocumentScenario(port);
		var inspection = s.stage("ON_SITE_INSPECTION", "zhang.wei", "li.na");
		var before = documentRows();
		var file = Pdfs.pages(2);
		s.register("zhang.wei", s.metadata("QUESTIONING_RECORD", inspection, "询问笔录"), file)
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("stageId");
		assertThat(documentRows()).isEqualTo(before);
		assertThat(stored(file)).isFalse();
	}

	@Test
	@DisplayName("ART-05.3: a signature by staff not present at the stage is refused on signer; nothing kept")
	void refusesASignatureBySomeoneNotPresent() {
		var s = new DocumentScenario(port);
		var questioning = s.stage("QUESTIONING", "zhang.wei", "li.na");
		var record = id(s.document("QUESTIONING_RECORD", questioning, "询问笔录", 2));
		var before = documentRows();
		s.confirm(record, DocumentApi.Confirmation.officer("huang.lei"))
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("signer");
		var withAssistant = s.stage("ON_SITE_INSPECTION", "zhang.wei", "li.na", "wang.qiang");
		var onSite = id(s.document("ON_SITE_RECORD", withAssistant, "现场笔录", 1));
		s.confirm(onSite, DocumentApi.Confirmation.officer("wang.qiang"))
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("signer");
		before = documentRows();
		s.confirm(record, DocumentApi.Confirmation.party("路人甲", null))
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("name");
		s.confirm(record, DocumentApi.Confirmation.party("东阳市示例食品有限公司", List.of(3))).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("pages");
		assertThat(documentRows()).isEqualTo(before);
	}

	@Test
	@DisplayName("A document number already used is refused with 409 on number; nothing kept")
	void refusesANumberAlreadyUsed() throws Exception {
		var s = new DocumentScenario(port);
		var first = s.document("ADVANCE_NOTICE", null, "行政处罚告知书", 1);
		var number = first.number();
		var before = documentRows();
		var file = Pdfs.pages(1);
		var metadata = s.metadata("ADVANCE_NOTICE", null, "行政处罚告知书（重复）").withNumber(number);
		s.register("zhang.wei", metadata, file)
			.expectStatus().isEqualTo(409)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.field").isEqualTo("number");
		assertThat(documentRows()).isEqualTo(before);
		assertThat(stored(file)).isFalse();
		// and the counter moves past a number typed in by hand
		var next = Integer.parseInt(number.replaceAll(".*〕(\\d+)号", "$1")) + 1;
		var typed = s.metadata("ADVANCE_NOTICE", null, "行政处罚告知书（预印）").withNumber("东市监处告〔2026〕" + next + "号");
		s.register("zhang.wei", typed, Pdfs.pages(1)).expectStatus().isCreated();
		var after = s.document("ADVANCE_NOTICE", null, "行政处罚告知书（自动）", 1);
		assertThat(after.number()).isNotEqualTo("东市监处告〔2026〕" + next + "号");
	}

	@Test
	@DisplayName("An unreadable PDF, or a file that is no PDF or image, is refused on file; nothing reaches the store")
	void refusesAnUnreadablePdf() throws Exception {
		var s = new DocumentScenario(port);
		var before = documentRows();
		var broken = ("%PDF-1.7\n1 0 obj << /Type /Catalog >> broken " + System.nanoTime()).getBytes();
		s.register("zhang.wei", s.metadata("CLOSING_APPROVAL", null, "结案审批表"), broken)
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("file");
		var text = ("not a document " + System.nanoTime()).getBytes();
		s.register("zhang.wei", s.metadata("CLOSING_APPROVAL", null, "结案审批表"), text)
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("file");
		var truncated = Pdfs.pages(2);
		truncated = java.util.Arrays.copyOf(truncated, truncated.length / 3);
		s.register("zhang.wei", s.metadata("CLOSING_APPROVAL", null, "结案审批表"), truncated)
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("file");
		assertThat(documentRows()).isEqualTo(before);
		assertThat(stored(broken)).isFalse();
		assertThat(stored(text)).isFalse();
		assertThat(stored(truncated)).isFalse();
	}

	@Test
	@DisplayName("ART-06.2: service left at the address needs its AV record; public notice is deemed served 30 days on")
	void serviceRulesFollowTheMethod() {
		var s = new DocumentScenario(port);
		var notice = id(s.document("ADVANCE_NOTICE", null, "行政处罚告知书", 1));
		s.seal(notice);
		var before = documentRows();
		s.serve(notice, new DocumentApi.Service("LEFT_AT_ADDRESS", null, "村委会王某", null, null, null, null))
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("recordingId");
		s.serve(notice, DocumentApi.Service.of("ELECTRONIC")).expectStatus().isEqualTo(422)
			.expectBody().jsonPath("$.field").isEqualTo("method");
		s.serve(notice, new DocumentApi.Service("PUBLIC_NOTICE", null, null, "吴宁街道公告栏", null, null, null))
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("recordingId");
		assertThat(documentRows()).isEqualTo(before);
		var posted = s.serve(notice, new DocumentApi.Service("POST", null, null, null, null, null,
				OffsetDateTime.parse("2026-11-20T10:00:00+08:00")))
			.expectStatus().isCreated().returnResult(DocumentApi.DocumentView.class).getResponseBody();
		var service = posted.services().get(0);
		assertThat(service.deemedServedAt()).isNotNull().isEqualTo(service.servedAt());
	}

	@Test
	@DisplayName("ART-07, ART-20: only the case's handlers register; the administrator and outsiders see no content")
	void onlyHandlersRegisterAndContentIsGated() {
		var s = new DocumentScenario(port);
		var file = Pdfs.pages(1);
		s.register("huang.lei", s.metadata("CLOSING_APPROVAL", null, "结案审批表"), file).expectStatus().isForbidden();
		var document = id(s.document("CLOSING_APPROVAL", null, "结案审批表", 1));
		Api.as(port, "admin").get().uri("/api/v1/documents/{id}", document).exchange().expectStatus().isForbidden();
		// ART-20: without a grant the document does not exist for the discipline unit; the attempt is logged
		Api.as(port, "zhou.tao").get().uri("/api/v1/documents/{id}/content", document).exchange()
			.expectStatus().isNotFound();
		Api.as(port, "li.na").get().uri("/api/v1/documents/{id}/content", document).exchange().expectStatus().isOk();
		Api.as(port, "zhang.wei").delete().uri("/api/v1/documents/{id}", document).exchange()
			.expectStatus().isEqualTo(405);
		var refused = jdbc.sql("select action || ' ' || actor from audit_entry where subject_type = 'DOCUMENT' "
				+ "and subject_id = ? and outcome = 'REFUSED'").param(document).query(String.class).list();
		assertThat(refused).containsExactlyInAnyOrder("VIEW zhou.tao", "ALTERATION_ATTEMPT zhang.wei");
	}

	@Test
	@DisplayName("ART-05.4: a change needs its reason and a readable file; refused, it adds no version and no file; "
			+ "a closed case takes no more documents")
	void refusesAChangeWithoutReasonOrReadableFile() throws Exception {
		var s = new DocumentScenario(port);
		var record = id(s.document("CLOSING_APPROVAL", null, "结案审批表", 1));
		var before = documentRows();
		var file = Pdfs.pages(1);
		s.change(record, " ", file).expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("reason");
		var broken = ("%PDF-1.4 nothing else " + System.nanoTime()).getBytes();
		s.change(record, "更正", broken).expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("file");
		assertThat(documentRows()).isEqualTo(before);
		assertThat(stored(file)).isFalse();
		assertThat(stored(broken)).isFalse();
		assertThat(s.get(record).currentVersion()).isEqualTo(1);
		s.close();
		var late = Pdfs.pages(1);
		s.register("zhang.wei", s.metadata("CLOSING_APPROVAL", null, "迟到的文书"), late).expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.field").isEqualTo("caseId");
		assertThat(stored(late)).isFalse();
	}

	@Test
	@DisplayName("ART-14: a closed case is frozen: a handler's change of one of its documents is refused with 409 naming "
			+ "caseId, and adds no version and no file (issue 11)")
	void aClosedCasesDocumentsCannotBeChanged() throws Exception {
		var s = new DocumentScenario(port);
		var record = id(s.document("CLOSING_APPROVAL", null, "结案审批表", 1));
		s.close();
		var before = documentRows();
		var file = Pdfs.pages(1);
		s.change(record, "结案后补改", file).expectStatus().isEqualTo(409)
			.expectHeader().contentTypeCompatibleWith(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.field").isEqualTo("caseId");
		assertThat(documentRows()).isEqualTo(before);
		assertThat(stored(file)).isFalse();
	}
}
