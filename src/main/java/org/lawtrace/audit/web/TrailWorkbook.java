package org.lawtrace.audit.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.MediaType;

/**
 * A case's audit trail as an Excel workbook (审计记录), the sentences of the page with their parts in columns so an
 * office can sort and filter them: 序号, 时间, 操作人, 事项, 结果, and the whole sentence.
 */
final class TrailWorkbook {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	static final String SHEET = "审计记录";
	static final List<String> HEADERS = List.of("序号", "时间", "操作人", "事项", "结果", "记录");

	private TrailWorkbook() {
	}

	static byte[] of(String caseNumber, List<AuditSentences.Line> lines) {
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			CellStyle bold = workbook.createCellStyle();
			var font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			var sheet = workbook.createSheet(SHEET);
			var title = sheet.createRow(0).createCell(0);
			title.setCellValue("案件 " + caseNumber + " 审计记录");
			title.setCellStyle(bold);
			var header = sheet.createRow(1);
			for (var c = 0; c < HEADERS.size(); c++) {
				var cell = header.createCell(c);
				cell.setCellValue(HEADERS.get(c));
				cell.setCellStyle(bold);
			}
			var r = 2;
			for (var line : lines) {
				var row = sheet.createRow(r);
				row.createCell(0).setCellValue(r - 1);
				row.createCell(1).setCellValue(line.at().toLocalDate() + " " + line.at().toLocalTime().withNano(0));
				row.createCell(2).setCellValue(line.who());
				row.createCell(3).setCellValue(line.what());
				row.createCell(4).setCellValue(line.refused() ? "未获准" : "完成");
				row.createCell(5).setCellValue(line.sentence());
				r++;
			}
			sheet.createFreezePane(0, 2);
			int[] widths = { 6, 20, 24, 60, 8, 90 };
			for (var c = 0; c < widths.length; c++) {
				sheet.setColumnWidth(c, widths[c] * 256);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
