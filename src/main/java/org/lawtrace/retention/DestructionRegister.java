package org.lawtrace.retention;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.lawtrace.documents.CjkFont;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.StaffId;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
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
 * The destruction register (销毁清册, ART-16) of one disposition, as Excel and as PDF: who proposed it, the appraisal
 * opinions, the director's approval with its date, and per blob of each record its case, title, retention period,
 * cut-off and due day, SHA-256, SM3, size, and what became of it in each copy.
 */
@Component
class DestructionRegister {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
	private static final String[] HEADINGS = { "序号", "案号", "题名", "类别", "文件", "保管期限", "起算日", "到期日",
			"SHA-256", "SM3", "字节数", "主存储", "异地副本", "销毁时间" };

	private final StaffDirectory staff;
	private final BureauTime time;
	private final CjkFont fonts;

	DestructionRegister(StaffDirectory staff, BureauTime time, CjkFont fonts) {
		this.staff = staff;
		this.time = time;
		this.fonts = fonts;
	}

	byte[] xlsx(Disposition d) {
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet("销毁清册");
			var r = 0;
			for (var line : heading(d)) {
				sheet.createRow(r++).createCell(0).setCellValue(line);
			}
			r++;
			var header = sheet.createRow(r++);
			for (var c = 0; c < HEADINGS.length; c++) {
				header.createCell(c).setCellValue(HEADINGS[c]);
			}
			for (var item : d.items()) {
				var row = sheet.createRow(r++);
				var cells = cells(item);
				for (var c = 0; c < cells.size(); c++) {
					if (c == 10) {
						row.createCell(c).setCellValue(item.digest().sizeBytes());
					}
					else {
						row.createCell(c).setCellValue(cells.get(c));
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	byte[] pdf(Disposition d) {
		var out = new ByteArrayOutputStream();
		var pdf = new Document(PageSize.A4.rotate(), 24, 24, 36, 36);
		PdfWriter.getInstance(pdf, out);
		pdf.addTitle(d.registerNumber() + " 销毁清册");
		pdf.open();
		var base = fonts.font();
		var title = new Paragraph("销毁清册", new Font(base, 16, Font.BOLD));
		title.setAlignment(Element.ALIGN_CENTER);
		pdf.add(title);
		var small = new Font(base, 8);
		for (var line : heading(d)) {
			pdf.add(new Paragraph(line, new Font(base, 9)));
		}
		var table = new PdfPTable(new float[] { 3, 8, 12, 4, 5, 4, 6, 6, 16, 16, 5, 5, 5, 7 });
		table.setWidthPercentage(100);
		table.setSpacingBefore(8);
		table.setHeaderRows(1);
		for (var heading : HEADINGS) {
			var cell = new PdfPCell(new Phrase(heading, new Font(base, 8, Font.BOLD)));
			cell.setBackgroundColor(new Color(235, 235, 235));
			table.addCell(cell);
		}
		for (var item : d.items()) {
			for (var text : cells(item)) {
				table.addCell(new Phrase(text, small));
			}
		}
		pdf.add(table);
		pdf.close();
		return out.toByteArray();
	}

	private List<String> heading(Disposition d) {
		var lines = new java.util.ArrayList<String>();
		lines.add("清册编号：" + d.registerNumber() + "　　到期月份：" + d.dueMonth() + "　　记录 " + d.records() + " 件，"
				+ (d.archivedFiles() > 0 ? "归档案卷 " + d.archivedFiles() + " 卷，" : "") + "文件 " + d.items().size() + " 个");
		lines.add("提出：" + name(d.proposedBy()) + "　" + at(d.proposedAt()));
		for (var a : d.appraisals()) {
			lines.add("鉴定意见（" + (a.role() == Disposition.AppraiserRole.CUSTODIAN ? "档案管理人员" : "法制机构") + "）："
					+ (a.agrees() ? "同意销毁" : "不同意销毁") + "。" + a.opinion() + "　" + name(a.givenBy()) + "　"
					+ at(a.givenAt()));
		}
		lines.add("局长审批：" + switch (d.status()) {
			case PROPOSED -> "待审批";
			case REFUSED -> "不予批准　" + name(d.decidedBy()) + "　" + at(d.decidedAt());
			case APPROVED, CARRIED_OUT -> "批准销毁　" + name(d.decidedBy()) + "　" + at(d.decidedAt());
		} + (d.decisionNote() == null ? "" : "　" + d.decisionNote()));
		if (d.carriedOutAt() != null) {
			lines.add("执行：" + name(d.carriedOutBy()) + "　" + at(d.carriedOutAt()));
		}
		return lines;
	}

	private List<String> cells(Disposition.Item item) {
		return List.of(String.valueOf(item.position()), item.caseNumber() == null ? "日常执法记录" : item.caseNumber(),
				item.title(), item.archival() ? "归档案卷" : item.ofRecording() ? "音像记录" : "文书",
				role(item.blobRole()), RetentionPeriod.parse(item.period()).chinese(), item.cutOff().toString(),
				item.dueOn().toString(), item.digest().sha256(), item.digest().sm3() == null ? "" : item.digest().sm3(),
				String.valueOf(item.digest().sizeBytes()), outcome(item.primaryOutcome()), outcome(item.replicaOutcome()),
				item.destroyedAt() == null ? "" : at(item.destroyedAt()));
	}

	static String role(String blobRole) {
		if (blobRole.startsWith("VERSION-")) {
			return "第" + blobRole.substring("VERSION-".length()) + "版";
		}
		if (blobRole.startsWith("PACKAGE-V")) {
			return "归档包第" + blobRole.substring("PACKAGE-V".length()) + "版";
		}
		return switch (blobRole) {
			case "DISC-IMAGE" -> "长期保存光盘映像";
			case "ORIGINAL" -> "原件";
			case "POSTER" -> "封面图";
			case "PLAYABLE" -> "播放副本";
			default -> "派生文件";
		};
	}

	static String outcome(@Nullable String outcome) {
		if (outcome == null) {
			return "";
		}
		return switch (outcome) {
			case "DESTROYED" -> "已销毁";
			case "ABSENT" -> "无此副本";
			case "REFUSED_BY_STORE" -> "存储拒绝（保留期未满）";
			case "WITHHELD" -> "未销毁（冻结、长期保存或归档案卷整卷保留）";
			default -> outcome;
		};
	}

	private String name(@Nullable StaffId id) {
		return id == null ? "" : staff.byId(id).map(StaffMember::name).orElse("");
	}

	private String at(@Nullable Instant instant) {
		return instant == null ? "" : time.local(instant).format(MINUTES);
	}
}
