package org.lawtrace.documents;

import java.awt.Color;
import java.io.ByteArrayOutputStream;

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

/** Writes a case file's contents lists (卷内文件目录), one per volume, as a PDF in Chinese (ART-14). */
@Component
class ContentsList {

	private static final float[] COLUMNS = { 5, 28, 35, 12, 8, 12 };

	private final CjkFont fonts;

	ContentsList(CjkFont fonts) {
		this.fonts = fonts;
	}

	byte[] pdf(CaseFileContents file) {
		return pdf(file, null);
	}

	/** @param archiveLine a line under each volume's title, e.g. an archival package's 档号 and 保管期限; null for none */
	byte[] pdf(CaseFileContents file, @org.jspecify.annotations.Nullable String archiveLine) {
		var out = new ByteArrayOutputStream();
		var pdf = new Document(PageSize.A4, 36, 36, 48, 48);
		PdfWriter.getInstance(pdf, out);
		pdf.addTitle(file.caseNumber() + " 卷内文件目录");
		pdf.open();
		volume(pdf, file, file.main(), "正卷", archiveLine);
		pdf.newPage();
		volume(pdf, file, file.secondary(), "副卷", archiveLine);
		pdf.close();
		return out.toByteArray();
	}

	private void volume(Document pdf, CaseFileContents file, VolumeContents volume, String name,
			@org.jspecify.annotations.Nullable String archiveLine) {
		var base = fonts.font();
		var title = new Paragraph("卷内文件目录（" + name + "）", new Font(base, 16, Font.BOLD));
		title.setAlignment(Element.ALIGN_CENTER);
		title.setSpacingAfter(8);
		pdf.add(title);
		var small = new Font(base, 10);
		if (archiveLine != null) {
			pdf.add(new Paragraph(archiveLine, small));
		}
		pdf.add(new Paragraph("案号：" + file.caseNumber() + "　　案由：" + file.caseTitle(), small));
		pdf.add(new Paragraph("当事人：" + file.parties() + "　　结案日期：" + file.closedOn() + "　　共 "
				+ volume.entries().size() + " 件 " + volume.pages() + " 页", small));
		var table = new PdfPTable(COLUMNS);
		table.setWidthPercentage(100);
		table.setSpacingBefore(8);
		table.setHeaderRows(1);
		for (var heading : new String[] { "序号", "文号", "题名", "日期", "页号", "备注" }) {
			var cell = new PdfPCell(new Phrase(heading, new Font(base, 10, Font.BOLD)));
			cell.setBackgroundColor(new Color(235, 235, 235));
			cell.setHorizontalAlignment(Element.ALIGN_CENTER);
			table.addCell(cell);
		}
		for (var e : volume.entries()) {
			table.addCell(new Phrase(String.valueOf(e.position()), small));
			table.addCell(new Phrase(e.number() == null ? "" : e.number(), small));
			table.addCell(new Phrase(e.kindName() + "：" + e.title(), small));
			table.addCell(new Phrase(e.date().toString(), small));
			table.addCell(new Phrase(e.pages() == null ? "" : e.pages(), small));
			table.addCell(new Phrase(e.note() == null ? "" : e.note(), small));
		}
		if (volume.entries().isEmpty()) {
			var none = new PdfPCell(new Phrase("（无）", small));
			none.setColspan(COLUMNS.length);
			table.addCell(none);
		}
		pdf.add(table);
	}
}
