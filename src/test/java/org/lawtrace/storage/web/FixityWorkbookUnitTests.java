package org.lawtrace.storage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.storage.CheckResult;
import org.lawtrace.storage.Copy;
import org.lawtrace.storage.FixityReports;

/** ART-15, ART-22: the monthly fixity report opens in Excel (POI reads it back) with the counts it was given. */
class FixityWorkbookUnitTests {

	@Test
	@DisplayName("ART-15 ART-22 the monthly report has checked, passed, failed, missing and repaired per copy, a total, and every failure")
	void writesTheCountsAndTheFailures() throws IOException {
		var byCopy = new EnumMap<Copy, FixityReports.Counts>(Copy.class);
		byCopy.put(Copy.PRIMARY, new FixityReports.Counts(120, 117, 2, 1, 3));
		byCopy.put(Copy.REPLICA, new FixityReports.Counts(118, 118, 0, 0, 0));
		var failure = new FixityReports.Failure(Instant.parse("2026-12-03T02:15:00Z"), "ab".repeat(32), Copy.PRIMARY,
				CheckResult.FAILED, "SHA-256+SM3", "摘要不符");
		var month = new FixityReports.Month(YearMonth.of(2026, 12), ZoneId.of("Asia/Shanghai"), byCopy,
				new FixityReports.Counts(238, 235, 2, 1, 3), List.of(failure));

		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(FixityWorkbook.of(month)))) {
			var counts = workbook.getSheet("校验统计");
			assertThat(row(counts, 0)).containsExactly("副本", "校验次数", "通过", "未通过", "缺失", "已修复");
			assertThat(row(counts, 1)).containsExactly("主存储", "120", "117", "2", "1", "3");
			assertThat(row(counts, 2)).containsExactly("异地副本", "118", "118", "0", "0", "0");
			assertThat(row(counts, 3)).containsExactly("合计", "238", "235", "2", "1", "3");
			var failures = workbook.getSheet("异常明细");
			assertThat(failures.getLastRowNum()).isEqualTo(1);
			assertThat(row(failures, 1)).containsExactly("1", "2026-12-03 10:15:00", "主存储", "未通过", "SHA-256+SM3",
					"ab".repeat(32), "摘要不符");
		}
	}

	private static List<String> row(Sheet sheet, int index) {
		var row = sheet.getRow(index);
		var cells = new java.util.ArrayList<String>();
		for (var i = 0; i < row.getLastCellNum(); i++) {
			var cell = row.getCell(i);
			cells.add(switch (cell.getCellType()) {
				case NUMERIC -> String.valueOf((long) cell.getNumericCellValue());
				default -> cell.getStringCellValue();
			});
		}
		return cells;
	}
}
