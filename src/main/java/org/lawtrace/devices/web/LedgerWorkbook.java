package org.lawtrace.devices.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.lawtrace.devices.web.DeviceViews.DeviceView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The device ledger (设备台账) as an Excel workbook, with the Chinese headers the bureau's offices file. */
final class LedgerWorkbook {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	static final List<String> HEADERS = List.of("序号", "设备序列号", "设备类型", "型号", "所属单位", "状态", "持有人",
			"最近检查时间", "最近检查结果", "未处理故障", "上次维护日期", "维护到期日", "维护逾期");

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private LedgerWorkbook() {
	}

	/** The workbook as a download named 设备台账-<day>.xlsx. */
	static ResponseEntity<byte[]> download(List<DeviceView> devices, LocalDate today) {
		var name = "设备台账-" + today + ".xlsx";
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"device-ledger-" + today
					+ ".xlsx\"; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
			.body(of(devices));
	}

	static byte[] of(List<DeviceView> devices) {
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet("设备台账");
			var header = sheet.createRow(0);
			var bold = workbook.createCellStyle();
			var font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			for (var i = 0; i < HEADERS.size(); i++) {
				var cell = header.createCell(i);
				cell.setCellValue(HEADERS.get(i));
				cell.setCellStyle(bold);
			}
			for (var i = 0; i < devices.size(); i++) {
				write(sheet, i + 1, devices.get(i));
			}
			sheet.createFreezePane(0, 1);
			for (var i = 0; i < HEADERS.size(); i++) {
				sheet.setColumnWidth(i, 16 * 256);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void write(Sheet sheet, int index, DeviceView d) {
		var row = sheet.createRow(index);
		var check = d.lastCheck();
		row.createCell(0).setCellValue(index);
		row.createCell(1).setCellValue(d.serialNumber());
		row.createCell(2).setCellValue(d.kindName());
		row.createCell(3).setCellValue(d.model());
		row.createCell(4).setCellValue(d.unit().name());
		row.createCell(5).setCellValue(d.statusName());
		row.createCell(6).setCellValue(d.holder() == null ? "" : d.holder().name());
		row.createCell(7).setCellValue(check == null ? "" : MINUTES.format(check.checkedAt()));
		row.createCell(8).setCellValue(check == null ? "" : verdict(check));
		row.createCell(9).setCellValue(d.openFaults());
		row.createCell(10).setCellValue(d.lastMaintainedOn() == null ? "" : d.lastMaintainedOn().toString());
		row.createCell(11).setCellValue(d.maintenanceDue().toString());
		row.createCell(12).setCellValue(d.maintenanceOverdue() ? "是" : "否");
	}

	static String verdict(DeviceViews.CheckView check) {
		if (check.passed()) {
			return "通过";
		}
		return "未通过（" + String.join("、", check.failureNames()) + "）" + (check.overriddenBy() == null ? ""
				: "，" + check.overriddenBy().name() + "放行");
	}
}
