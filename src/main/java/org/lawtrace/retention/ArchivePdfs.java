package org.lawtrace.retention;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lawtrace.documents.CjkFont;
import org.springframework.stereotype.Component;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The archival package's own sheets as PDF in Chinese, in the font the contents list uses: the cover (案卷封面) and
 * the remarks sheet (卷内备考表) the filing rules put first and last in a file (ART-14).
 */
@Component
class ArchivePdfs {

	private final CjkFont fonts;

	ArchivePdfs(CjkFont fonts) {
		this.fonts = fonts;
	}

	/** What the cover shows. */
	record Cover(String archiveNumber, String caseNumber, String title, String parties, String handlers, String unit,
			LocalDate openedOn, LocalDate closedOn, LocalDate archivedOn, String period, @Nullable LocalDate dueOn,
			int mainItems, int mainPages, int secondaryItems, int secondaryPages, int avRecords, int version) {
	}

	/** What the remarks sheet says. */
	record Remarks(String archiveNumber, String caseNumber, int documents, int documentVersions, int pages,
			int avRecords, long avBytes, List<String> notes, String madeBy, LocalDate madeOn, boolean passed,
			@Nullable String overrideReason, @Nullable String overriddenBy) {
	}

	byte[] cover(Cover c) {
		var out = new ByteArrayOutputStream();
		var pdf = new Document(PageSize.A4, 56, 56, 72, 72);
		PdfWriter.getInstance(pdf, out);
		pdf.addTitle(c.archiveNumber() + " 案卷封面");
		pdf.open();
		var base = fonts.font();
		var title = new Paragraph("行政执法案卷", new Font(base, 26, Font.BOLD));
		title.setAlignment(Element.ALIGN_CENTER);
		title.setSpacingAfter(36);
		pdf.add(title);
		var text = new Font(base, 13);
		var table = new PdfPTable(new float[] { 28, 72 });
		table.setWidthPercentage(100);
		row(table, "档号", c.archiveNumber(), text);
		row(table, "案号", c.caseNumber(), text);
		row(table, "案由", c.title(), text);
		row(table, "当事人", c.parties(), text);
		row(table, "承办人", c.handlers(), text);
		row(table, "承办机构", c.unit(), text);
		row(table, "立案日期", c.openedOn().toString(), text);
		row(table, "结案日期", c.closedOn().toString(), text);
		row(table, "归档日期", c.archivedOn().toString(), text);
		row(table, "保管期限", c.period() + (c.dueOn() == null ? "" : "（至 " + c.dueOn() + "）"), text);
		row(table, "正卷", c.mainItems() + " 件 " + c.mainPages() + " 页", text);
		row(table, "副卷", c.secondaryItems() + " 件 " + c.secondaryPages() + " 页", text);
		row(table, "音像资料", c.avRecords() + " 件（原始文件随卷存储）", text);
		row(table, "版本", "第 " + c.version() + " 版", text);
		pdf.add(table);
		pdf.close();
		return out.toByteArray();
	}

	byte[] remarks(Remarks r) {
		var out = new ByteArrayOutputStream();
		var pdf = new Document(PageSize.A4, 56, 56, 72, 72);
		PdfWriter.getInstance(pdf, out);
		pdf.addTitle(r.archiveNumber() + " 卷内备考表");
		pdf.open();
		var base = fonts.font();
		var title = new Paragraph("卷内备考表", new Font(base, 20, Font.BOLD));
		title.setAlignment(Element.ALIGN_CENTER);
		title.setSpacingAfter(18);
		pdf.add(title);
		var text = new Font(base, 12);
		pdf.add(new Paragraph("档号：" + r.archiveNumber() + "　　案号：" + r.caseNumber(), text));
		var said = new StringBuilder("本卷共有文书 " + r.documents() + " 件（文件版本 " + r.documentVersions() + " 个，第 1 版为原件），共 "
				+ r.pages() + " 页；音像资料 " + r.avRecords() + " 件，共 " + r.avBytes() + " 字节，原始文件随卷存储。");
		said.append(r.passed() ? "四性检测（真实性、完整性、可用性、安全性）全部通过。"
				: "四性检测未全部通过，经局长批准归档，理由：" + r.overrideReason() + "（批准人：" + r.overriddenBy() + "）。");
		var body = new Paragraph(said.toString(), text);
		body.setSpacingBefore(12);
		pdf.add(body);
		for (var note : r.notes()) {
			pdf.add(new Paragraph(note, text));
		}
		var signed = new Paragraph("立卷人：" + r.madeBy() + "　　立卷时间：" + r.madeOn(), text);
		signed.setSpacingBefore(36);
		pdf.add(signed);
		pdf.close();
		return out.toByteArray();
	}

	private static void row(PdfPTable table, String label, String value, Font font) {
		var l = new PdfPCell(new Phrase(label, font));
		l.setPadding(6);
		table.addCell(l);
		var v = new PdfPCell(new Phrase(value, font));
		v.setPadding(6);
		table.addCell(v);
	}
}
