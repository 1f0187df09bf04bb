package org.lawtrace.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseKind;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.cases.CaseQuery;
import org.lawtrace.cases.OpenCase;
import org.lawtrace.cases.Party;
import org.lawtrace.cases.Procedure;
import org.lawtrace.cases.RecordStage;
import org.lawtrace.cases.StageKind;
import org.lawtrace.documents.ConfirmationKind;
import org.lawtrace.documents.Document;
import org.lawtrace.documents.DocumentCatalog;
import org.lawtrace.documents.DocumentRegistry;
import org.lawtrace.documents.RecordConfirmation;
import org.lawtrace.documents.RecordService;
import org.lawtrace.documents.RegisterDocument;
import org.lawtrace.documents.ServiceMethod;
import org.lawtrace.documents.SignerRole;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Text records for the demo bureau (ART-05, ART-14), seeded right after it: the open penalty case 101 gets its
 * filing form, on-site record, and a questioning record the party has signed on two of its three pages (so the
 * case page shows it awaiting confirmation), and a second general-procedure case, 102, is walked from filing to
 * closing so its volumes can be seen. The files are small generated PDFs.
 */
@Component
@Order(1)
class DemoDocuments implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDocuments.class);
	private static final String PARTY = "东阳市示例食品有限公司";
	private static final String OFFICER = "zhang.wei";

	private final CaseManagement cases;
	private final DocumentRegistry registry;
	private final DocumentCatalog catalog;
	private final BureauTime time;
	private final boolean demo;

	DemoDocuments(CaseManagement cases, DocumentRegistry registry, DocumentCatalog catalog, BureauTime time,
			@Value("${lawtrace.demo:false}") boolean demo) {
		this.demo = demo;
		this.cases = cases;
		this.registry = registry;
		this.catalog = catalog;
		this.time = time;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!demo) {
			return;
		}
		var year = time.today().getYear();
		var found = cases.search(new CaseQuery("东市监处〔" + year + "〕101号", null, null, null, null, null, null, 0, 1))
			.items();
		if (found.isEmpty() || !catalog.documents(found.get(0).id()).isEmpty()
				|| !cases.search(new CaseQuery("东市监处〔" + year + "〕102号", null, null, null, null, null, null, 0, 1))
					.items().isEmpty()) {
			return;
		}
		seedOpenCase(found.get(0));
		seedClosedCase(year);
		log.info("Demo documents seeded");
	}

	private void seedOpenCase(Case c) {
		var filing = stageOf(c.id(), StageKind.FILING);
		var inspection = stageOf(c.id(), StageKind.ON_SITE_INSPECTION);
		var questioning = stageOf(c.id(), StageKind.QUESTIONING);
		var form = register(c.id(), "FILING_APPROVAL", filing, "立案审批表", 1);
		officersSign(form, null);
		var onSite = register(c.id(), "ON_SITE_RECORD", inspection, "现场检查笔录（仓库）", 2);
		officersSign(onSite, null);
		partySigns(onSite, List.of());
		var record = register(c.id(), "QUESTIONING_RECORD", questioning, "询问笔录（仓库负责人）", 3);
		officersSign(record, null);
		partySigns(record, List.of(1, 2));
	}

	private void seedClosedCase(int year) {
		var c = cases.open(new OpenCase("东市监处〔" + year + "〕102号", CaseKind.ADMINISTRATIVE_PENALTY, Procedure.GENERAL,
				"东阳市示例食品有限公司虚假标注生产日期案", false, List.of(OFFICER, "li.na"),
				List.of(new OpenCase.PartyInput(Party.Kind.ORGANIZATION, PARTY, "91330783MA2HX7Q5PJ")), null), OFFICER)
			.id();
		var day = time.today().minusDays(40);
		var filing = stage(c, StageKind.FILING, day, "09:00");
		var inspection = stage(c, StageKind.ON_SITE_INSPECTION, day.plusDays(1), "09:30");
		var questioning = stage(c, StageKind.QUESTIONING, day.plusDays(2), "14:00");
		var decision = stage(c, StageKind.DECISION, day.plusDays(20), "10:00");
		var service = stage(c, StageKind.SERVICE, day.plusDays(21), "10:00");

		officersSign(register(c, "FILING_APPROVAL", filing, "立案审批表", 1), null);
		var onSite = register(c, "ON_SITE_RECORD", inspection, "现场检查笔录", 2);
		officersSign(onSite, null);
		partySigns(onSite, List.of());
		var record = register(c, "QUESTIONING_RECORD", questioning, "询问笔录（法定代表人）", 3);
		officersSign(record, null);
		partySigns(record, List.of(1, 2, 3));
		var changed = registry.change(record.id(), "当事人更正第2页所述进货数量",
				new ByteArrayInputStream(pdf("Questioning record, corrected", 3)), "questioning-v2.pdf", OFFICER);
		officersSign(changed, 2);
		partySigns(changed, List.of(1, 2, 3));

		var notice = register(c, "ADVANCE_NOTICE", null, "行政处罚告知书", 2);
		seal(notice);
		registry.serve(notice.id(), new RecordService(ServiceMethod.DIRECT, at(day.plusDays(15), "10:00"), null, PARTY,
				null, null, null, null), OFFICER);
		var penalty = register(c, "PENALTY_DECISION", decision, "行政处罚决定书", 3);
		seal(penalty);
		var proof = register(c, "PROOF_OF_SERVICE", service, "送达回证（行政处罚决定书）", 1);
		partySigns(proof, List.of());
		registry.serve(penalty.id(), new RecordService(ServiceMethod.DIRECT, at(day.plusDays(21), "10:00"), null, PARTY,
				null, null, null, proof.id().id()), OFFICER);
		officersSign(register(c, "INVESTIGATION_CLOSING_REPORT", null, "案件调查终结报告", 2), null);
		officersSign(register(c, "CLOSING_APPROVAL", null, "结案审批表", 1), null);
		cases.close(c, OFFICER, null);
	}

	private Document register(CaseId caseId, String kind, @Nullable StageId stage, String title, int pages) {
		return registry.register(new RegisterDocument(kind, caseId.id(), stage == null ? null : stage.id(), null, title,
				null, null), new ByteArrayInputStream(pdf(kind + " " + caseId, pages)), kind.toLowerCase() + ".pdf",
				OFFICER);
	}

	private void officersSign(Document d, @Nullable Integer version) {
		for (var officer : List.of(OFFICER, "li.na")) {
			registry.confirm(d.id(), new RecordConfirmation(ConfirmationKind.SIGNATURE, SignerRole.OFFICER, officer, null,
					null, version, null, null, null, null), OFFICER);
		}
	}

	private void partySigns(Document d, List<Integer> pages) {
		registry.confirm(d.id(), new RecordConfirmation(ConfirmationKind.SIGNATURE, SignerRole.PARTY, null, PARTY, pages,
				null, null, null, null, null), OFFICER);
	}

	private void seal(Document d) {
		registry.confirm(d.id(), new RecordConfirmation(ConfirmationKind.SEAL, SignerRole.BUREAU, null, null, null, null,
				null, null, null, null), OFFICER);
	}

	private @Nullable StageId stageOf(CaseId c, StageKind kind) {
		return cases.stages(c).stream().filter(s -> s.kind() == kind).map(s -> s.id()).findFirst().orElse(null);
	}

	private StageId stage(CaseId c, StageKind kind, LocalDate day, String from) {
		return cases.recordStage(c, new RecordStage(kind, at(day, from), null, null, List.of(OFFICER, "li.na"), null),
				OFFICER).id();
	}

	private Instant at(LocalDate day, String time) {
		return day.atTime(LocalTime.parse(time)).atZone(this.time.zone()).toInstant();
	}

	/** A small PDF with one line per page: enough to be stored, counted and opened. */
	private static byte[] pdf(String text, int pages) {
		try (var document = new PDDocument()) {
			var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
			for (var i = 1; i <= pages; i++) {
				var page = new PDPage();
				document.addPage(page);
				try (var content = new PDPageContentStream(document, page)) {
					content.beginText();
					content.setFont(font, 12);
					content.newLineAtOffset(72, 720);
					content.showText("LawTrace demo: " + text + ", page " + i + " of " + pages);
					content.endText();
				}
			}
			var out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
