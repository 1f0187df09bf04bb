package org.lawtrace.inspection;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.documents.CjkFont;
import org.lawtrace.recordings.Recording;
import org.lawtrace.recordings.RecordingCatalog;
import org.lawtrace.recordings.RecordingId;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.lawtrace.staff.Unit;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
 * The inspection ledger (检查台账, ART-21): every concluded check with its plan, record (case number or recording
 * title), officer, unit, inspector, time, checklist and conclusion; filtered by unit, officer and period; counts and
 * pass rates (合格率) per unit and per officer; as Excel and PDF. People by name.
 */
@Service
@Transactional(readOnly = true)
public class InspectionLedger {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
	private static final String[] HEADINGS = { "序号", "抽查方案", "被检查记录", "执法人员", "单位", "检查人员", "检查时间",
			"检查项目", "结论", "理由" };

	private final Reviews reviews;
	private final SpotCheckPlans plans;
	private final RecordingCatalog recordings;
	private final CaseManagement cases;
	private final StaffDirectory staff;
	private final BureauTime time;
	private final CjkFont fonts;
	private final ApplicationEventPublisher events;

	InspectionLedger(Reviews reviews, SpotCheckPlans plans, RecordingCatalog recordings, CaseManagement cases,
			StaffDirectory staff, BureauTime time, CjkFont fonts, ApplicationEventPublisher events) {
		this.reviews = reviews;
		this.plans = plans;
		this.recordings = recordings;
		this.cases = cases;
		this.staff = staff;
		this.time = time;
		this.fonts = fonts;
		this.events = events;
	}

	/** One concluded check as the ledger shows it. */
	public record Check(UUID reviewId, UUID planId, String plan, UUID recordId, String record,
			@Nullable String caseNumber, StaffId officerId, String officer, UnitId unitId, String unit, String inspector,
			Instant concludedAt, List<Review.Item> items, Conclusion conclusion, @Nullable String reasons) {
	}

	/** Which checks: of a unit, of an officer, concluded within a period (bureau days, both ends included). */
	public record Filter(@Nullable UUID unit, @Nullable UUID officer, @Nullable LocalDate from,
			@Nullable LocalDate to) {

		public static final Filter ALL = new Filter(null, null, null, null);

		public Filter {
			if (from != null && to != null && to.isBefore(from)) {
				throw new InvalidInput("to", "截止日不得早于起始日 (the period's last day cannot be before its first)");
			}
		}
	}

	/** Counts of one unit or officer and the pass rate (合格率: 合格 of all checks, in per cent). */
	public record Rate(String name, int checks, int passed, int mostlyPassed, int failed) {

		public int percentPassed() {
			return checks == 0 ? 0 : (int) Math.round(100.0 * passed / checks);
		}
	}

	public List<Check> checks(Filter filter) {
		var names = new HashMap<StaffId, String>();
		staff.all().forEach(m -> names.put(m.id(), m.name()));
		var units = staff.units().stream().collect(Collectors.toMap(Unit::id, Unit::name));
		var planTitles = new HashMap<UUID, String>();
		var caseNumbers = new HashMap<CaseId, String>();
		// the filter's days are the bureau's: from the first day's start to the last day's end
		var from = filter.from() == null ? null : filter.from().atStartOfDay(time.zone()).toInstant();
		var until = filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(time.zone()).toInstant();
		return reviews.concluded(filter.unit(), filter.officer(), from, until).stream()
			.map(r -> check(r, names, units, planTitles, caseNumbers))
			.toList();
	}

	/** The checks of one officer's records, for his own page. */
	public List<Check> checksOf(StaffId officer) {
		return checks(new Filter(null, officer.id(), null, null));
	}

	public List<Rate> byUnit(List<Check> checks) {
		return rates(checks, Check::unit);
	}

	public List<Rate> byOfficer(List<Check> checks) {
		return rates(checks, Check::officer);
	}

	/** The ledger as an Excel workbook: the checks, then the rates per unit and per officer; the export is logged. */
	public byte[] xlsx(Filter filter, String actor) {
		var checks = checks(filter);
		events.publishEvent(new SpotCheckEvents.LedgerExported(staff.require(actor).id(), "xlsx", describe(filter)));
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet("检查台账");
			var r = 0;
			var header = sheet.createRow(r++);
			for (var c = 0; c < HEADINGS.length; c++) {
				header.createCell(c).setCellValue(HEADINGS[c]);
			}
			var n = 1;
			for (var check : checks) {
				var row = sheet.createRow(r++);
				var cells = cells(n++, check);
				for (var c = 0; c < cells.size(); c++) {
					row.createCell(c).setCellValue(cells.get(c));
				}
			}
			rateSheet(workbook.createSheet("按单位统计"), "单位", byUnit(checks));
			rateSheet(workbook.createSheet("按人员统计"), "执法人员", byOfficer(checks));
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The ledger as a PDF in a CJK font; the export is logged. */
	public byte[] pdf(Filter filter, String actor) {
		var checks = checks(filter);
		events.publishEvent(new SpotCheckEvents.LedgerExported(staff.require(actor).id(), "pdf", describe(filter)));
		var out = new ByteArrayOutputStream();
		var pdf = new Document(PageSize.A4.rotate(), 24, 24, 36, 36);
		PdfWriter.getInstance(pdf, out);
		pdf.addTitle("检查台账");
		pdf.open();
		var base = fonts.font();
		var title = new Paragraph("检查台账", new Font(base, 16, Font.BOLD));
		title.setAlignment(Element.ALIGN_CENTER);
		pdf.add(title);
		pdf.add(new Paragraph("导出时间：" + time.local(time.now()).format(MINUTES) + "　共 " + checks.size() + " 条",
				new Font(base, 9)));
		var table = new PdfPTable(new float[] { 3, 10, 12, 5, 7, 5, 7, 18, 4, 12 });
		table.setWidthPercentage(100);
		table.setSpacingBefore(8);
		table.setHeaderRows(1);
		for (var heading : HEADINGS) {
			var cell = new PdfPCell(new Phrase(heading, new Font(base, 8, Font.BOLD)));
			cell.setBackgroundColor(new Color(235, 235, 235));
			table.addCell(cell);
		}
		var small = new Font(base, 8);
		var n = 1;
		for (var check : checks) {
			for (var text : cells(n++, check)) {
				table.addCell(new Phrase(text, small));
			}
		}
		pdf.add(table);
		for (var part : List.of(Map.entry("按单位统计", byUnit(checks)), Map.entry("按人员统计", byOfficer(checks)))) {
			pdf.add(new Paragraph(part.getKey(), new Font(base, 11, Font.BOLD)));
			var rates = new PdfPTable(5);
			rates.setWidthPercentage(60);
			rates.setHorizontalAlignment(Element.ALIGN_LEFT);
			for (var h : List.of("名称", "检查数", "合格", "基本合格", "不合格")) {
				rates.addCell(new Phrase(h, new Font(base, 8, Font.BOLD)));
			}
			for (var rate : part.getValue()) {
				for (var text : List.of(rate.name(), String.valueOf(rate.checks()), rate.passed() + "（" + rate.percentPassed() + "%）",
						String.valueOf(rate.mostlyPassed()), String.valueOf(rate.failed()))) {
					rates.addCell(new Phrase(text, small));
				}
			}
			pdf.add(rates);
		}
		pdf.close();
		return out.toByteArray();
	}

	/** The Chinese word for a conclusion, as the ledger and its exports write it. */
	public static String chinese(Conclusion c) {
		return switch (c) {
			case PASSED -> "合格";
			case MOSTLY_PASSED -> "基本合格";
			case FAILED -> "不合格";
		};
	}

	public static String chinese(Verdict v) {
		return switch (v) {
			case MET -> "符合";
			case NOT_MET -> "不符合";
			case NOT_APPLICABLE -> "不适用";
		};
	}

	private List<String> cells(int n, Check c) {
		var items = c.items().stream()
			.map(i -> i.text() + "：" + chinese(i.verdict()) + (i.note() == null ? "" : "（" + i.note() + "）"))
			.collect(Collectors.joining("；"));
		return List.of(String.valueOf(n), c.plan(), c.record(), c.officer(), c.unit(), c.inspector(),
				time.local(c.concludedAt()).format(MINUTES), items, chinese(c.conclusion()),
				c.reasons() == null ? "" : c.reasons());
	}

	private static void rateSheet(org.apache.poi.ss.usermodel.Sheet sheet, String what, List<Rate> rates) {
		var header = sheet.createRow(0);
		var headings = List.of(what, "检查数", "合格", "基本合格", "不合格", "合格率（%）");
		for (var c = 0; c < headings.size(); c++) {
			header.createCell(c).setCellValue(headings.get(c));
		}
		var r = 1;
		for (var rate : rates) {
			var row = sheet.createRow(r++);
			row.createCell(0).setCellValue(rate.name());
			row.createCell(1).setCellValue(rate.checks());
			row.createCell(2).setCellValue(rate.passed());
			row.createCell(3).setCellValue(rate.mostlyPassed());
			row.createCell(4).setCellValue(rate.failed());
			row.createCell(5).setCellValue(rate.percentPassed());
		}
	}

	private static List<Rate> rates(List<Check> checks, Function<Check, String> by) {
		var grouped = new LinkedHashMap<String, List<Check>>();
		checks.stream().sorted(Comparator.comparing(by)).forEach(c -> grouped.computeIfAbsent(by.apply(c),
				k -> new ArrayList<>()).add(c));
		return grouped.entrySet().stream()
			.map(e -> new Rate(e.getKey(), e.getValue().size(), count(e.getValue(), Conclusion.PASSED),
					count(e.getValue(), Conclusion.MOSTLY_PASSED), count(e.getValue(), Conclusion.FAILED)))
			.toList();
	}

	private static int count(List<Check> checks, Conclusion c) {
		return (int) checks.stream().filter(x -> x.conclusion() == c).count();
	}

	private Check check(Review r, Map<StaffId, String> names, Map<UnitId, String> units, Map<UUID, String> planTitles,
			Map<CaseId, String> caseNumbers) {
		var recording = recordings.require(new RecordingId(r.recordId()));
		var caseId = recording.current().caseId();
		var caseNumber = caseId == null ? null
				: caseNumbers.computeIfAbsent(caseId, id -> cases.require(id).caseNumber().value());
		var plan = planTitles.computeIfAbsent(r.planId(), id -> plans.byId(id).map(SpotCheckPlan::title).orElse(""));
		return new Check(r.id(), r.planId(), plan, r.recordId(), label(recording, caseNumber), caseNumber, r.officer(),
				names.getOrDefault(r.officer(), ""), r.unit(), units.getOrDefault(r.unit(), ""),
				names.getOrDefault(r.inspector(), ""), r.concludedAt(), r.items(), r.conclusion(), r.reasons());
	}

	/** How the ledger names a record: its case number (or 日常执法记录) and its recording's title, never its id. */
	public String label(UUID recordId) {
		var recording = recordings.require(new RecordingId(recordId));
		var caseId = recording.current().caseId();
		return label(recording, caseId == null ? null : cases.require(caseId).caseNumber().value());
	}

	private static String label(Recording recording, @Nullable String caseNumber) {
		return (caseNumber == null ? "日常执法记录" : caseNumber) + "　" + recording.originalName();
	}

	private String describe(Filter f) {
		return "unit=" + f.unit() + " officer=" + f.officer() + " from=" + f.from() + " to=" + f.to();
	}

	static String name(@Nullable StaffMember m) {
		return m == null ? "" : m.name();
	}
}
