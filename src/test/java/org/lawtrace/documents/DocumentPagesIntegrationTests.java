package org.lawtrace.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lawtrace.documents.CaseFileIntegrationTests.id;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The documents' pages over plain HTTP: the case page's section, a document's page and a closed case's volumes. */
@LawTraceIntegrationTest
class DocumentPagesIntegrationTests {

	@LocalServerPort
	int port;

	private RestTestClient.ResponseSpec page(String username, String path) {
		return Api.as(port, username).get().uri(path).accept(MediaType.TEXT_HTML).exchange();
	}

	private String fragment(String username, String path) {
		return Api.as(port, username).get().uri(path).header("HX-Request", "true").exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
	}

	@Test
	@DisplayName("ART-05, ART-05.4: the case page shows documents by stage, a changed record as unconfirmed until signed")
	void caseSectionShowsDocumentsByStageWithTheirState() {
		var s = new DocumentScenario(port);
		var questioning = s.stage("QUESTIONING", "zhang.wei", "li.na");
		var record = id(s.document("QUESTIONING_RECORD", questioning, "询问笔录（王某）", 2));
		s.officersSign(record);
		s.partySigns(record, List.of(1, 2));
		var notice = id(s.document("ADVANCE_NOTICE", null, "行政处罚告知书（王某）", 1));

		page("zhang.wei", "/cases/" + s.caseId).expectStatus().isOk()
			.expectBody(String.class).value(html -> assertThat(html).contains("/documents/fragments/case/" + s.caseId));
		var section = fragment("zhang.wei", "/documents/fragments/case/" + s.caseId);
		assertThat(section).contains("id=\"documents\"", "询问笔录（王某）", "行政处罚告知书（王某）", "register-document",
				"data-stage=\"" + questioning + "\"", "本案文书（未指定环节）");
		assertThat(section).containsPattern("data-document=\"" + record + "\" data-effective=\"true\"");
		assertThat(section).containsPattern("data-document=\"" + notice + "\" data-effective=\"false\"");
		assertThat(section).contains("待确认：本局印章");

		s.change(record, "更正笔误", Pdfs.pages(2)).expectStatus().isCreated();
		var changed = fragment("zhang.wei", "/documents/fragments/case/" + s.caseId);
		assertThat(changed).containsPattern("data-document=\"" + record + "\" data-effective=\"false\"")
			.contains("第2版");
		// a reader who may not act sees the section without the register button: the custodian (ART-13)
		assertThat(fragment("zhao.min", "/documents/fragments/case/" + s.caseId)).contains("询问笔录（王某）")
			.doesNotContain("register-document");
		// ART-20: the discipline unit, without a grant, learns how many there are and where to ask, nothing else
		assertThat(fragment("zhou.tao", "/documents/fragments/case/" + s.caseId)).contains("hidden-documents",
				"/access/requests/new?caseId=" + s.caseId).doesNotContain("询问笔录（王某）");
		Api.as(port, "admin").get().uri("/documents/fragments/case/" + s.caseId).header("HX-Request", "true")
			.exchange().expectStatus().isForbidden();
	}

	@Test
	@DisplayName("ART-05.3, ART-20: a document's page lists versions and signatures; its file link only for those it is open to")
	void documentPageShowsVersionsAndSignatures() {
		var s = new DocumentScenario(port);
		var questioning = s.stage("QUESTIONING", "zhang.wei", "li.na");
		var record = id(s.document("QUESTIONING_RECORD", questioning, "询问笔录（赵某）", 2));
		s.partySigns(record, List.of(1));
		page("zhang.wei", "/documents/" + record).expectStatus().isOk().expectBody(String.class)
			.value(html -> assertThat(html).contains("询问笔录（赵某）", "东阳市示例食品有限公司", "confirm-form",
					"change-form", "/documents/" + record + "/versions/1/file", "待确认"));
		page("zhao.min", "/documents/" + record).expectStatus().isOk().expectBody(String.class)
			.value(html -> assertThat(html).contains("询问笔录（赵某）").doesNotContain("confirm-form")
				.doesNotContain("/versions/1/file"));
		page("zhao.min", "/documents/" + record + "/versions/1/file").expectStatus().isForbidden();
		// ART-20: without a grant, neither the page nor the file exists for the discipline unit
		page("zhou.tao", "/documents/" + record).expectStatus().isNotFound();
		page("zhou.tao", "/documents/" + record + "/versions/1/file").expectStatus().isNotFound();
		Api.as(port, "li.na").get().uri("/documents/" + record + "/versions/1/file").exchange()
			.expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF);
		page("zhang.wei", "/documents/new?caseId=" + s.caseId).expectStatus().isOk().expectBody(String.class)
			.value(html -> assertThat(html).contains("register-form", "询问笔录", "hx-encoding=\"multipart/form-data\""));
		page("wang.qiang", "/documents/new?caseId=" + s.caseId).expectStatus().isForbidden();
	}

	@Test
	@DisplayName("ART-14: the volume page lists a closed case's main and secondary volumes and links their PDF")
	void volumePageListsTheVolumes() {
		var s = new DocumentScenario(port);
		var filing = s.stage("FILING", "zhang.wei", "li.na");
		var filingForm = id(s.document("FILING_APPROVAL", filing, "立案审批表（孙某）", 1));
		var closing = id(s.document("CLOSING_APPROVAL", null, "结案审批表（孙某）", 2));
		page("zhao.min", "/documents/case-file/" + s.caseId).expectStatus().isOk().expectBody(String.class)
			.value(html -> assertThat(html).contains("case-open").doesNotContain("contents-pdf"));
		s.close();
		page("zhao.min", "/documents/case-file/" + s.caseId).expectStatus().isOk().expectBody(String.class)
			.value(html -> assertThat(html).contains("volume-MAIN", "volume-SECONDARY", "立案审批表（孙某）",
					"结案审批表（孙某）", "contents-pdf")
				.containsSubsequence(filingForm, "volume-SECONDARY", closing));
		var pdf = Api.as(port, "zhao.min").get().uri("/documents/case-file/" + s.caseId + "/contents.pdf").exchange()
			.expectStatus().isOk().returnResult(byte[].class).getResponseBody();
		assertThat(Pdfs.text(pdf)).contains("立案审批表（孙某）", "结案审批表（孙某）");
		assertThat(fragment("zhao.min", "/documents/fragments/case/" + s.caseId)).contains("case-file-link");
	}

	@Test
	@DisplayName("ART-14: the demo's closed case 102 is filed in main and secondary volumes; case 101 awaits a signature")
	@SuppressWarnings("unchecked")
	void demoCasesCarryTheirDocuments() {
		var year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
		var closed = caseId("东市监处〔" + year + "〕102号");
		var file = Api.as(port, "zhao.min").get().uri("/api/v1/cases/{id}/file", closed).exchange().expectStatus().isOk()
			.returnResult(java.util.Map.class).getResponseBody();
		var main = (List<java.util.Map<String, Object>>) ((java.util.Map<String, Object>) file.get("main")).get("entries");
		assertThat(main).extracting(e -> e.get("kindName")).containsExactly("立案/不予立案审批表", "行政处罚决定书", "送达回证",
				"行政处罚告知书", "现场笔录", "询问笔录");
		assertThat(main).allSatisfy(e -> assertThat(e.get("effective")).isEqualTo(true));
		var open = caseId("东市监处〔" + year + "〕101号");
		assertThat(fragment("zhang.wei", "/documents/fragments/case/" + open)).contains("询问笔录（仓库负责人）",
				"待确认：当事人签名");
		page("zhang.wei", "/").expectStatus().isOk().expectBody(String.class)
			.value(html -> assertThat(html).contains("/documents/fragments/awaiting"));
		assertThat(fragment("zhang.wei", "/documents/fragments/awaiting")).contains("询问笔录（仓库负责人）", open)
			.doesNotContain("〔" + year + "〕102号");
	}

	@SuppressWarnings("unchecked")
	private String caseId(String number) {
		var page = Api.as(port, "zhang.wei").get().uri(u -> u.path("/api/v1/cases").queryParam("number", number).build())
			.exchange().expectStatus().isOk().returnResult(java.util.Map.class).getResponseBody();
		return ((List<java.util.Map<String, Object>>) page.get("items")).get(0).get("id").toString();
	}
}
