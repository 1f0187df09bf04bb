package org.lawtrace.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@LawTraceIntegrationTest
@DisplayName("ART-09: the device ledger (设备台账) as a page and as an Excel workbook")
class DeviceLedgerExportIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	@DisplayName("ART-09: the ledger exports to .xlsx with Chinese headers, a row per device with status, holder "
			+ "and last check")
	void exportsTheLedgerToExcel() throws IOException {
		var bytes = Api.as(port, "zhao.min").get().uri("/api/v1/devices/ledger.xlsx").exchange()
			.expectStatus().isOk()
			.expectHeader().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
			.expectHeader().value("Content-Disposition", d -> assertThat(d).startsWith("attachment").contains(".xlsx"))
			.expectBody(byte[].class).returnResult().getResponseBody();
		var rows = rows(bytes);
		assertThat(rows.get(0)).startsWith("序号", "设备序列号", "设备类型", "型号", "所属单位", "状态", "持有人",
				"最近检查时间", "最近检查结果", "未处理故障");
		assertThat(rows).anySatisfy(row -> assertThat(row.subList(1, 7))
			.containsExactly("DY-ZFJLY-0001", "执法记录仪", "海康威视 DSJ-T9", "执法稽查队", "已领用", "张伟"));
		assertThat(rows).filteredOn(row -> row.get(1).equals("DY-ZFJLY-0001")).singleElement()
			.satisfies(row -> assertThat(row.get(8)).isEqualTo("通过"));
		assertThat(rows).filteredOn(row -> row.get(1).equals("DY-ZFJLY-0004")).singleElement()
			.satisfies(row -> assertThat(row).contains("送修中").contains("1"));
	}

	@Test
	@DisplayName("The page's export follows the page's filter, and an officer's workbook holds only the devices "
			+ "they hold")
	void exportFollowsFilterAndVisibility() throws IOException {
		var bytes = Api.as(port, "zhou.tao").get()
			.uri(u -> u.path("/devices/ledger.xlsx").queryParam("status", "IN_REPAIR").build()).exchange()
			.expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
		// other tests send devices of their own for repair too: every row is one in repair, the seeded one among them
		var inRepair = rows(bytes);
		assertThat(inRepair.get(0).get(1)).isEqualTo("设备序列号");
		assertThat(inRepair.subList(1, inRepair.size())).extracting(row -> row.get(5)).containsOnly("送修中");
		assertThat(inRepair).extracting(row -> row.get(1)).contains("DY-ZFJLY-0004").doesNotContain("DY-ZFJLY-0001");

		var officers = Api.as(port, "li.na").get().uri("/api/v1/devices/ledger.xlsx").exchange()
			.expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
		assertThat(rows(officers)).extracting(row -> row.get(6)).containsOnly("持有人", "李娜");
	}

	@Test
	@DisplayName("ART-09: the ledger page shows status, holder, last check and open faults, in Chinese or English")
	void showsTheLedgerPage() {
		Api.as(port, "liu.yang").get().uri("/devices").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).value(html -> assertThat(html)
				.contains("<title>设备台账 · ", "/webjars/bootstrap/", "bootstrap.min.css")
				.contains("DY-ZFJLY-0001", "张伟", "已领用", "送修中", "通过", "维护已逾期", "吴宁市场监管所"));
		// ?lang=en is the portal's language switch; Accept-Language serves where the portal is absent
		Api.as(port, "liu.yang").get().uri("/devices?lang=en").header("Accept-Language", Locale.ENGLISH.toLanguageTag())
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class).value(html -> assertThat(html).contains("Device ledger", "In repair", "Issued"));
		// refused before any controller runs: a challenge, or once the portal's login page exists, a redirect to it
		Api.anonymous(port).get().uri("/devices/ledger.xlsx").exchange().expectStatus()
			.value(status -> assertThat(status).isIn(302, 401));
		Api.as(port, "wang.qiang").get().uri("/devices").exchange().expectStatus().isOk()
			.expectBody(String.class).value(html -> assertThat(html).doesNotContain("DY-ZFJLY-0001"));
	}

	private static List<List<String>> rows(byte[] xlsx) throws IOException {
		var text = new DataFormatter();
		var rows = new ArrayList<List<String>>();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(workbook.getSheetName(0)).isEqualTo("设备台账");
			for (Row row : workbook.getSheetAt(0)) {
				var cells = new ArrayList<String>();
				for (var i = 0; i < row.getLastCellNum(); i++) {
					cells.add(text.formatCellValue(row.getCell(i)));
				}
				rows.add(cells);
			}
		}
		return rows;
	}
}
