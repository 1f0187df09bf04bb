package org.lawtrace.storage.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.storage.CheckResult;
import org.lawtrace.storage.Copy;
import org.lawtrace.storage.FixityReports;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The monthly fixity report (固定性校验月报) as an Excel workbook with Chinese headers: one sheet of counts per copy,
 * one listing every check that did not pass.
 */
@Component
class FixityWorkbook {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	static final String COUNTS = "校验统计";
	static final String FAILURES = "异常明细";
	static final List<String> COUNT_HEADERS = List.of("副本", "校验次数", "通过", "未通过", "缺失", "已修复");
	static final List<String> FAILURE_HEADERS = List.of("序号", "时间", "副本", "结果", "算法", "SHA-256", "说明");
	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final StaffDirectory staff;
	private final ApplicationEventPublisher events;

	FixityWorkbook(StaffDirectory staff, ApplicationEventPublisher events) {
		this.staff = staff;
		this.events = events;
	}

	ResponseEntity<byte[]> download(FixityReports.Month month, String username) {
		var body = of(month);
		events.publishEvent(new Downloaded(staff.require(username).id(), month.month().toString()));
		var name = "固定性校验月报-" + month.month() + ".xlsx";
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"fixity-" + month.month()
					+ ".xlsx\"; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
			.body(body);
	}

	static byte[] of(FixityReports.Month month) {
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			var bold = bold(workbook);
			var counts = workbook.createSheet(COUNTS);
			header(counts.createRow(0), COUNT_HEADERS, bold);
			var r = 1;
			for (var copy : Copy.values()) {
				write(counts.createRow(r++), copyName(copy), month.byCopy().get(copy));
			}
			write(counts.createRow(r++), "合计", month.total());
			counts.createRow(r + 1).createCell(0).setCellValue("月份 " + month.month() + "（" + month.zone() + "）");
			var failures = workbook.createSheet(FAILURES);
			header(failures.createRow(0), FAILURE_HEADERS, bold);
			var i = 1;
			for (var f : month.failures()) {
				var row = failures.createRow(i);
				row.createCell(0).setCellValue(i);
				row.createCell(1).setCellValue(SECONDS.format(f.checkedAt().atZone(month.zone())));
				row.createCell(2).setCellValue(copyName(f.copy()));
				row.createCell(3).setCellValue(resultName(f.result()));
				row.createCell(4).setCellValue(f.algorithm());
				row.createCell(5).setCellValue(f.sha256());
				row.createCell(6).setCellValue(f.detail() == null ? "" : f.detail());
				i++;
			}
			for (var sheet : List.of(counts, failures)) {
				sheet.createFreezePane(0, 1);
				for (var c = 0; c < 7; c++) {
					sheet.setColumnWidth(c, (c == 5 ? 68 : 14) * 256);
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String copyName(Copy copy) {
		return copy == Copy.PRIMARY ? "主存储" : "异地副本";
	}

	static String resultName(CheckResult result) {
		return switch (result) {
			case PASSED -> "通过";
			case FAILED -> "未通过";
			case MISSING -> "缺失";
			case REPAIRED -> "已修复";
		};
	}

	private static void write(Row row, String label, FixityReports.Counts counts) {
		row.createCell(0).setCellValue(label);
		row.createCell(1).setCellValue(counts.checked());
		row.createCell(2).setCellValue(counts.passed());
		row.createCell(3).setCellValue(counts.failed());
		row.createCell(4).setCellValue(counts.missing());
		row.createCell(5).setCellValue(counts.repaired());
	}

	private static void header(Row row, List<String> headers, CellStyle bold) {
		for (var i = 0; i < headers.size(); i++) {
			var cell = row.createCell(i);
			cell.setCellValue(headers.get(i));
			cell.setCellStyle(bold);
		}
	}

	private static CellStyle bold(Workbook workbook) {
		var style = workbook.createCellStyle();
		var font = workbook.createFont();
		font.setBold(true);
		style.setFont(font);
		return style;
	}

	/** A report download, in the audit log (every access is recorded). */
	record Downloaded(StaffId actor, String month) implements Audited.AtOnce {

		@Override
		public String action() {
			return "FIXITY_REPORT_DOWNLOADED";
		}

		@Override
		public String subjectType() {
			return "FIXITY_REPORT";
		}

		@Override
		public String subjectId() {
			return month;
		}

		@Override
		public String details() {
			return "month=" + month;
		}
	}
}
