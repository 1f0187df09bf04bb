package org.lawtrace.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.shared.CaseId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The must-show walk: a general-procedure penalty case from filing to its filed volumes, through the REST API as
 * the demo officers, with real PDFs in the real store, on H2 and PostgreSQL.
 */
@LawTraceIntegrationTest
class CaseFileIntegrationTests {

	private static final String PARTY = "东阳市示例食品有限公司";

	@LocalServerPort
	int port;

	@Autowired
	DocumentCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Test
	@DisplayName("ART-05, ART-05.3, ART-05.4, ART-14: filing, on-site record, questioning record signed page by page, "
			+ "advance notice, sealed decision, proof of service, closing, and the volumes in SAMR-PR Art. 78 order; "
			+ "a changed questioning record is unconfirmed until signed")
	void walksAPenaltyCaseToItsFiledVolumes() {
		var s = new DocumentScenario(port);
		var filing = s.stage("FILING", "zhang.wei", "li.na");
		var inspection = s.stage("ON_SITE_INSPECTION", "zhang.wei", "li.na");
		var questioning = s.stage("QUESTIONING", "zhang.wei", "li.na");
		var decision = s.stage("DECISION", "zhang.wei", "li.na");
		var service = s.stage("SERVICE", "zhang.wei");

		// 立案审批表: officers sign
		var filingForm = id(s.document("FILING_APPROVAL", filing, "立案审批表", 1));
		assertThat(s.officersSign(filingForm).effective()).isTrue();

		// 现场笔录: officers and party
		var onSite = id(s.document("ON_SITE_RECORD", inspection, "现场检查笔录", 2));
		s.officersSign(onSite);
		assertThat(s.partySigns(onSite, List.of()).effective()).isTrue();

		// 询问笔录: three pages, the party signs each one (SAMR-PR Art. 29)
		var record = id(s.document("QUESTIONING_RECORD", questioning, "询问笔录（张某）", 3));
		s.officersSign(record);
		var twoPages = s.partySigns(record, List.of(1, 2));
		assertThat(twoPages.effective()).isFalse();
		assertThat(twoPages.missing()).containsExactly("PARTY");
		assertThat(s.partySigns(record, List.of(3)).effective()).isTrue();

		// ART-05.4: a change is a new version, unconfirmed until signed; the original stays retrievable
		var original = s.as("zhang.wei").get().uri("/api/v1/documents/{id}/content?version=1", record).exchange()
			.expectStatus().isOk().returnResult(byte[].class).getResponseBody();
		var changedFile = Pdfs.pages(3);
		var changed = s.change(record, "当事人更正第2页所述进货日期", changedFile).expectStatus().isCreated()
			.returnResult(DocumentApi.DocumentView.class).getResponseBody();
		assertThat(changed.currentVersion()).isEqualTo(2);
		assertThat(changed.effective()).isFalse();
		assertThat(changed.missing()).containsExactlyInAnyOrder("PARTY", "OFFICERS");
		assertThat(effective(s, record)).isFalse();
		assertThat(s.as("zhang.wei").get().uri("/api/v1/documents/{id}/content?version=1", record).exchange()
			.expectStatus().isOk().returnResult(byte[].class).getResponseBody()).isEqualTo(original);
		assertThat(s.as("zhang.wei").get().uri("/api/v1/documents/{id}/content", record).exchange()
			.expectStatus().isOk().returnResult(byte[].class).getResponseBody()).isEqualTo(changedFile);
		s.officersSign(record);
		s.partySigns(record, List.of(1, 2));
		assertThat(effective(s, record)).isFalse();
		assertThat(s.partySigns(record, List.of(3))).satisfies(d -> {
			assertThat(d.effective()).isTrue();
			assertThat(d.currentVersion()).isEqualTo(2);
		});
		assertThat(effective(s, record)).isTrue();

		// 行政处罚告知书: numbered per kind and year, sealed, served directly
		var notice = s.document("ADVANCE_NOTICE", null, "行政处罚告知书", 2);
		assertThat(notice.number()).matches("东市监处告〔2026〕\\d+号");
		s.seal(id(notice));
		s.serve(id(notice), DocumentApi.Service.direct(PARTY, null)).expectStatus().isCreated();

		// 行政处罚决定书: not served before the seal; then sealed, served, with its 送达回证
		var penalty = s.document("PENALTY_DECISION", decision, "行政处罚决定书", 3);
		assertThat(penalty.number()).matches("东市监处罚〔2026〕\\d+号");
		s.serve(id(penalty), DocumentApi.Service.of("DIRECT")).expectStatus().isEqualTo(422);
		s.seal(id(penalty));
		var proof = id(s.document("PROOF_OF_SERVICE", service, "送达回证（行政处罚决定书）", 1));
		s.partySigns(proof, List.of());
		var served = s.serve(id(penalty), DocumentApi.Service.direct(PARTY, proof))
			.expectStatus().isCreated().returnResult(DocumentApi.DocumentView.class).getResponseBody();
		assertThat(served.services()).singleElement().satisfies(x -> {
			assertThat(x.proofId()).isEqualTo(proof);
			assertThat(x.method()).isEqualTo("DIRECT");
		});

		// 结案审批表, then closing
		var closing = id(s.document("CLOSING_APPROVAL", null, "结案审批表", 1));
		s.officersSign(closing);
		s.as("zhang.wei").get().uri("/api/v1/cases/{id}/file", s.caseId).exchange().expectStatus().isEqualTo(409);
		s.close();

		// ART-20: the file names every record of the case, so only those who may see them all get it: not the
		// discipline unit without a grant, nor the handlers once the case is closed; the custodian does (ART-13)
		s.as("zhou.tao").get().uri("/api/v1/cases/{id}/file", s.caseId).exchange().expectStatus().isForbidden();
		s.as("zhang.wei").get().uri("/api/v1/cases/{id}/file", s.caseId).exchange().expectStatus().isForbidden();

		// ART-14: main volume in the order of SAMR-PR Art. 78, secondary volume after it
		var file = s.as("zhao.min").get().uri("/api/v1/cases/{id}/file", s.caseId).exchange().expectStatus().isOk()
			.returnResult(DocumentApi.CaseFile.class).getResponseBody();
		var main = file.main().entries();
		assertThat(main).extracting(DocumentApi.VolumeEntry::documentId).containsExactly(filingForm, id(penalty), proof,
				id(notice), onSite, record);
		assertThat(main).extracting(DocumentApi.VolumeEntry::pages).containsExactly("1", "2-4", "5", "6-7", "8-9", "10-12");
		var secondary = file.secondary().entries();
		assertThat(secondary).extracting(DocumentApi.VolumeEntry::documentId).containsExactly(closing);

		// the contents list as PDF, with the Chinese titles readable from it
		var pdf = s.as("zhao.min").get().uri("/api/v1/cases/{id}/file/contents.pdf", s.caseId).exchange()
			.expectStatus().isOk().expectHeader().contentType("application/pdf")
			.returnResult(byte[].class).getResponseBody();
		var text = Pdfs.text(pdf);
		assertThat(text).contains("卷内文件目录（正卷）", "卷内文件目录（副卷）", "立案审批表", "询问笔录（张某）",
				penalty.number(), "第2版");
		assertThat(text.indexOf("行政处罚决定书：行政处罚决定书")).isLessThan(text.indexOf("送达回证（行政处罚决定书）"));
		assertThat(text.indexOf("送达回证（行政处罚决定书）")).isLessThan(text.indexOf("现场检查笔录"));
		assertThat(text.indexOf("卷内文件目录（副卷）")).isLessThan(text.indexOf("结案审批表：结案审批表"));

		// what other modules read, and what the audit log kept
		var summaries = catalog.ofCase(new CaseId(java.util.UUID.fromString(s.caseId)));
		assertThat(summaries).hasSize(7).allSatisfy(d -> assertThat(d.effective()).as(d.title()).isTrue());
		assertThat(summaries).filteredOn(d -> d.kindCode().equals("QUESTIONING_RECORD")).singleElement()
			.satisfies(d -> assertThat(d.currentVersion()).isEqualTo(2));
		var actions = jdbc.sql("select action from audit_entry where subject_type = 'DOCUMENT' and subject_id = ?")
			.param(record).query(String.class).list();
		assertThat(actions).contains("DOCUMENT_REGISTERED", "DOCUMENT_CHANGED", "DOCUMENT_CONFIRMED", "VIEW");
		assertThat(jdbc.sql("select count(*) from audit_entry where subject_type = 'CASE' and subject_id = ? "
				+ "and action = 'CASE_FILE_ASSEMBLED'").param(s.caseId).query(Long.class).single()).isEqualTo(2);
	}

	private static boolean effective(DocumentScenario s, String id) {
		return s.get(id).effective();
	}

	static String id(DocumentApi.DocumentView document) {
		return document.id();
	}
}
