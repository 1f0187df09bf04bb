package org.lawtrace.compliance.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.lawtrace.compliance.ComplianceDashboard;
import org.lawtrace.compliance.ComplianceDashboard.Gap;
import org.lawtrace.compliance.ComplianceDashboard.Tally;
import org.lawtrace.shared.BureauTime;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.lawtrace.shared.web.ArticleNames;
import org.lawtrace.staff.Permissions;
import org.springframework.context.i18n.LocaleContextHolder;
import org.lawtrace.shared.web.Htmx;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The bureau dashboard (合规看板): completeness by unit, officer and month as ECharts bar charts, the worst cases
 * first, the figures at the top (完整率, overdue findings, late uploads), and the same as an Excel workbook. For
 * leaders, the discipline unit and legal affairs.
 */
@Controller
class DashboardController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final ComplianceDashboard dashboard;
	private final BureauTime time;
	private final org.lawtrace.compliance.CaseCompliance compliance;

	DashboardController(ComplianceDashboard dashboard, BureauTime time,
			org.lawtrace.compliance.CaseCompliance compliance) {
		this.compliance = compliance;
		this.dashboard = dashboard;
		this.time = time;
	}

	private static final int SELF_CLEARED_SHOWN = 1000;

	@GetMapping("/compliance")
	@Permissions.OverseeCompliance
	String page(Model model, org.springframework.security.core.Authentication caller) {
		var today = time.today();
		var units = dashboard.byUnit(today);
		var officers = dashboard.byOfficer(today);
		var months = dashboard.byMonth(today);
		model.addAttribute("units", units);
		model.addAttribute("officers", officers);
		model.addAttribute("months", months);
		model.addAttribute("unitChart", chart(units));
		model.addAttribute("officerChart", chart(officers));
		model.addAttribute("monthChart", chart(months));
		model.addAttribute("worst", dashboard.worst(100));
		model.addAttribute("kpis", dashboard.kpis(today));
		model.addAttribute("today", today);
		// Chapter 8: findings cleared by their recorders' own corrections, for the director and the discipline unit
		if (org.lawtrace.staff.Permission.REVIEW_SELF_CLEARED_FINDINGS.grantedTo(caller)) {
			model.addAttribute("selfCleared", compliance.selfClearedFindings(SELF_CLEARED_SHOWN).size());
		}
		return "compliance/dashboard";
	}

	/** The dashboard's figures at the top of the leaders' home page (and of the oversight roles'), loaded by htmx. */
	@GetMapping("/compliance/fragments/kpis")
	@Permissions.OverseeCompliance
	String kpis(HttpServletRequest request, Model model) {
		if (!Htmx.wantsFragment(request)) {
			return "redirect:/compliance";
		}
		model.addAttribute("kpis", dashboard.kpis(time.today()));
		return "compliance/parts :: kpis";
	}

	@GetMapping("/compliance/dashboard.xlsx")
	@Permissions.OverseeCompliance
	ResponseEntity<byte[]> export() {
		var today = time.today();
		var name = "合规检查-" + today + ".xlsx";
		return ResponseEntity.ok().contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"compliance-" + today
					+ ".xlsx\"; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
			.body(workbook(dashboard.byUnit(today), dashboard.byOfficer(today), dashboard.byMonth(today),
					dashboard.worst(1000)));
	}

	/** The chart's data for the page's script, as JSON in a data attribute: the page runs no inline script (CSP). */
	static String chart(List<Tally> tallies) {
		return "{\"labels\":[" + tallies.stream().map(t -> org.lawtrace.shared.Text.jsonString(t.label())).collect(Collectors.joining(","))
				+ "],\"percent\":[" + tallies.stream().map(t -> String.valueOf(t.percent())).collect(Collectors.joining(","))
				+ "],\"red\":[" + tallies.stream().map(t -> String.valueOf(t.red())).collect(Collectors.joining(","))
				+ "],\"amber\":[" + tallies.stream().map(t -> String.valueOf(t.amber())).collect(Collectors.joining(","))
				+ "],\"overdue\":[" + tallies.stream().map(t -> String.valueOf(t.overdue())).collect(Collectors.joining(","))
				+ "]}";
	}

	static byte[] workbook(List<Tally> units, List<Tally> officers, List<Tally> months, List<Gap> worst) {
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			tallies(workbook, "按单位", "承办单位", units);
			tallies(workbook, "按承办人", "承办人", officers);
			tallies(workbook, "按月份", "立案月份", months);
			var sheet = workbook.createSheet("问题案件");
			var header = List.of("序号", "案号", "案件名称", "状态", "严重问题", "一般问题", "最早整改期限", "涉及条款");
			var row = sheet.createRow(0);
			for (var i = 0; i < header.size(); i++) {
				row.createCell(i).setCellValue(header.get(i));
			}
			for (var i = 0; i < worst.size(); i++) {
				var g = worst.get(i);
				var r = sheet.createRow(i + 1);
				r.createCell(0).setCellValue(i + 1);
				r.createCell(1).setCellValue(g.caseNumber());
				r.createCell(2).setCellValue(g.title());
				r.createCell(3).setCellValue(lightName(g.light().name()));
				r.createCell(4).setCellValue(g.major());
				r.createCell(5).setCellValue(g.minor());
				r.createCell(6).setCellValue(g.earliestDeadline() == null ? "" : g.earliestDeadline().toString());
				r.createCell(7).setCellValue(ArticleNames.of(g.articles(), LocaleContextHolder.getLocale()));
			}
			sheet.createFreezePane(0, 1);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void tallies(XSSFWorkbook workbook, String name, String what, List<Tally> tallies) {
		var sheet = workbook.createSheet(name);
		var header = List.of(what, "案件数", "完整", "一般问题", "严重问题", "完整率(%)", "逾期未整改");
		var row = sheet.createRow(0);
		for (var i = 0; i < header.size(); i++) {
			row.createCell(i).setCellValue(header.get(i));
		}
		for (var i = 0; i < tallies.size(); i++) {
			var t = tallies.get(i);
			var r = sheet.createRow(i + 1);
			r.createCell(0).setCellValue(t.label());
			r.createCell(1).setCellValue(t.cases());
			r.createCell(2).setCellValue(t.green());
			r.createCell(3).setCellValue(t.amber());
			r.createCell(4).setCellValue(t.red());
			r.createCell(5).setCellValue(t.percent());
			r.createCell(6).setCellValue(t.overdue());
		}
		sheet.createFreezePane(0, 1);
	}

	private static String lightName(String light) {
		return switch (light) {
			case "RED" -> "红";
			case "AMBER" -> "黄";
			default -> "绿";
		};
	}
}
