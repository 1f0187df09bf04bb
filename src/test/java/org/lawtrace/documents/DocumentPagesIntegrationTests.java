package org.lawtrace.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lawtrace.documents.CaseFileIntegrationTests.id;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.Page;
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

	private Page fragment(String username, String path) {
		return Page.fragment(Api.as(port, username).get().uri(path).header("HX-Request", "true").exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
	}

	private Page whole(String username, String path) {
		return Page.of(page(username, path).expectStatus().isOk().expectBody(String.class).returnResult()
			.getResponseBody());
	}

	/** The case page's documents section: one list item per document, by its id. */
	private static Element row(Page section, String documentId) {
		return section.oneWithAttribute("data-document", documentId);
	}

	/** The list item of the document whose link reads this title. */
	private static Element rowTitled(Page section, String title) {
		var links = section.all("li.document-row a.document-link").stream().filter(a -> a.text().equals(title)).toList();
		assertThat(links).as("one document titled %s", title).hasSize(1);
		return links.get(0).closest("li.document-row");
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	private record CaseFile(Volume main) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	private record Volume(List<Entry> entries) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	private record Entry(String kindName, boolean effective) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	private record Cases(List<CaseItem> items) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	private record CaseItem(String id) {
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

		assertThat(whole("zhang.wei", "/cases/" + s.caseId).one("section#documents").attr("hx-get"))
			.isEqualTo("/documents/fragments/case/" + s.caseId);
		var section = fragment("zhang.wei", "/documents/fragments/case/" + s.caseId);
		assertThat(section.root().is("section#documents")).isTrue();
		assertThat(section.id("register-document").attr("href")).isEqualTo("/documents/new?caseId=" + s.caseId);
		var staged = section.oneWithAttribute("data-stage", questioning);
		assertThat(staged.select("a.document-link").eachText()).containsExactly("询问笔录（王某）");
		var unstaged = section.all("div.document-group").stream()
			.filter(g -> g.selectFirst("h3").text().equals("本案文书（未指定环节）")).toList();
		assertThat(unstaged).hasSize(1);
		assertThat(unstaged.get(0).select("a.document-link").eachText()).containsExactly("行政处罚告知书（王某）");
		assertThat(row(section, record).attr("data-effective")).isEqualTo("true");
		assertThat(row(section, record).selectFirst("a.document-link").text()).isEqualTo("询问笔录（王某）");
		assertThat(row(section, notice).attr("data-effective")).isEqualTo("false");
		assertThat(row(section, notice).selectFirst(".state-badge").text()).contains("待确认：本局印章");

		s.change(record, "更正笔误", Pdfs.pages(2)).expectStatus().isCreated();
		var changed = fragment("zhang.wei", "/documents/fragments/case/" + s.caseId);
		assertThat(row(changed, record).attr("data-effective")).isEqualTo("false");
		assertThat(row(changed, record).select(".badge").eachText()).contains("第2版");
		// a reader who may not act sees the section without the register button: the custodian (ART-13)
		var custodians = fragment("zhao.min", "/documents/fragments/case/" + s.caseId);
		assertThat(row(custodians, record).selectFirst("a.document-link").text()).isEqualTo("询问笔录（王某）");
		custodians.noId("register-document");
		// ART-20: the discipline unit, without a grant, learns how many there are and where to ask, nothing else
		var disciplines = fragment("zhou.tao", "/documents/fragments/case/" + s.caseId);
		assertThat(disciplines.id("hidden-documents").select("a").eachAttr("href"))
			.containsExactly("/access/requests/new?caseId=" + s.caseId);
		disciplines.none("li.document-row").lacks("询问笔录（王某）");
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
		var handlers = whole("zhang.wei", "/documents/" + record);
		assertThat(handlers.text("h1#document-title")).isEqualTo("询问笔录（赵某）");
		assertThat(handlers.all("#confirmations tr.confirmation-row td:nth-child(4)").eachText())
			.containsExactly("东阳市示例食品有限公司");
		assertThat(handlers.one("form#confirm-form").attr("action")).isEqualTo("/documents/" + record + "/confirmations");
		assertThat(handlers.one("form#change-form").attr("action")).isEqualTo("/documents/" + record + "/versions");
		assertThat(handlers.link("/documents/" + record + "/versions/1/file").parents().is("tr.version-row[data-version=1]"))
			.isTrue();
		assertThat(handlers.text("#document-state")).startsWith("待确认");
		var custodians = whole("zhao.min", "/documents/" + record);
		assertThat(custodians.text("h1#document-title")).isEqualTo("询问笔录（赵某）");
		custodians.noId("confirm-form").lacks("/versions/1/file");
		assertThat(custodians.links("/documents/" + record + "/versions/1/file")).isEmpty();
		page("zhao.min", "/documents/" + record + "/versions/1/file").expectStatus().isForbidden();
		// ART-20: without a grant, neither the page nor the file exists for the discipline unit
		page("zhou.tao", "/documents/" + record).expectStatus().isNotFound();
		page("zhou.tao", "/documents/" + record + "/versions/1/file").expectStatus().isNotFound();
		Api.as(port, "li.na").get().uri("/documents/" + record + "/versions/1/file").exchange()
			.expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF);
		var register = whole("zhang.wei", "/documents/new?caseId=" + s.caseId);
		assertThat(register.one("form#register-form").attr("hx-encoding")).isEqualTo("multipart/form-data");
		assertThat(register.all("form#register-form select#kind option").eachText()).contains("询问笔录");
		page("wang.qiang", "/documents/new?caseId=" + s.caseId).expectStatus().isForbidden();
	}

	@Test
	@DisplayName("ART-14: the volume page lists a closed case's main and secondary volumes and links their PDF")
	void volumePageListsTheVolumes() {
		var s = new DocumentScenario(port);
		var filing = s.stage("FILING", "zhang.wei", "li.na");
		var filingForm = id(s.document("FILING_APPROVAL", filing, "立案审批表（孙某）", 1));
		var closing = id(s.document("CLOSING_APPROVAL", null, "结案审批表（孙某）", 2));
		var open = whole("zhao.min", "/documents/case-file/" + s.caseId);
		assertThat(open.text("#case-open")).isNotBlank();
		open.noId("contents-pdf");
		s.close();
		var filed = whole("zhao.min", "/documents/case-file/" + s.caseId);
		var main = filed.id("volume-MAIN");
		var secondary = filed.id("volume-SECONDARY");
		assertThat(main.select("tr.volume-entry[data-document=" + filingForm + "] a").eachText())
			.containsExactly("立案审批表（孙某）");
		assertThat(main.select("tr.volume-entry[data-document=" + closing + "]")).isEmpty();
		assertThat(secondary.select("tr.volume-entry[data-document=" + closing + "] a").eachText())
			.containsExactly("结案审批表（孙某）");
		assertThat(secondary.select("tr.volume-entry[data-document=" + filingForm + "]")).isEmpty();
		assertThat(filed.id("contents-pdf").attr("href")).isEqualTo("/documents/case-file/" + s.caseId + "/contents.pdf");
		var pdf = Api.as(port, "zhao.min").get().uri("/documents/case-file/" + s.caseId + "/contents.pdf").exchange()
			.expectStatus().isOk().returnResult(byte[].class).getResponseBody();
		assertThat(Pdfs.text(pdf)).contains("立案审批表（孙某）", "结案审批表（孙某）");
		assertThat(fragment("zhao.min", "/documents/fragments/case/" + s.caseId).id("case-file-link").attr("href"))
			.isEqualTo("/documents/case-file/" + s.caseId);
	}

	@Test
	@DisplayName("ART-14: the demo's closed case 102 is filed in main and secondary volumes; case 101 awaits a signature")
	void demoCasesCarryTheirDocuments() {
		var year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
		var closed = caseId("东市监处〔" + year + "〕102号");
		var main = Api.as(port, "zhao.min").get().uri("/api/v1/cases/{id}/file", closed).exchange().expectStatus().isOk()
			.returnResult(CaseFile.class).getResponseBody().main().entries();
		assertThat(main).extracting(Entry::kindName).containsExactly("立案/不予立案审批表", "行政处罚决定书", "送达回证",
				"行政处罚告知书", "现场笔录", "询问笔录");
		assertThat(main).allSatisfy(e -> assertThat(e.effective()).isTrue());
		var open = caseId("东市监处〔" + year + "〕101号");
		var section = fragment("zhang.wei", "/documents/fragments/case/" + open);
		assertThat(rowTitled(section, "询问笔录（仓库负责人）").selectFirst(".state-badge").text())
			.contains("待确认：当事人签名");
		assertThat(whole("zhang.wei", "/").one("section#awaiting-documents").attr("hx-get"))
			.isEqualTo("/documents/fragments/awaiting");
		var awaiting = fragment("zhang.wei", "/documents/fragments/awaiting");
		var items = awaiting.all("li.awaiting-document").stream()
			.filter(li -> li.select("a").eachText().contains("询问笔录（仓库负责人）")).toList();
		assertThat(items).as("the open case's record awaits its signature").isNotEmpty()
			.anySatisfy(li -> assertThat(li.select("a").eachAttr("href")).contains("/cases/" + open));
		awaiting.lacks("〔" + year + "〕102号");
	}

	private String caseId(String number) {
		var page = Api.as(port, "zhang.wei").get().uri(u -> u.path("/api/v1/cases").queryParam("number", number).build())
			.exchange().expectStatus().isOk().returnResult(Cases.class).getResponseBody();
		return page.items().get(0).id();
	}
}
