package org.lawtrace.retention;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.lawtrace.audit.AuditLog;
import org.lawtrace.audit.RecordsVerifier;
import org.lawtrace.cases.Case;
import org.lawtrace.compliance.CaseCompliance;
import org.lawtrace.compliance.Finding;
import org.lawtrace.compliance.Severity;
import org.lawtrace.documents.CaseFileContents;
import org.lawtrace.documents.Document;
import org.lawtrace.documents.DocumentCatalog;
import org.lawtrace.documents.DocumentVersion;
import org.lawtrace.documents.Volume;
import org.lawtrace.recordings.Recording;
import org.lawtrace.recordings.RecordingCatalog;
import org.lawtrace.recordings.RecordingQuery;
import org.lawtrace.retention.ArchiveReport.Property;
import org.lawtrace.shared.BagWriter;
import org.lawtrace.shared.web.ArticleNames;
import org.lawtrace.storage.BlobStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The four-property check (四性检测, DA/T 70-2018) of a case file before it is packed: what can be judged without
 * reading the audio-visual originals (the records against the audit log, the log itself, the file plan's required
 * documents, the compliance findings, counts, each document file opened and its digest recomputed, formats). The
 * originals of audio-visual records are checked by {@link ArchiveAssembly} as they stream into the package, so a
 * gigabyte video is read once.
 */
@Component
class ArchiveChecks {

	private static final HexFormat HEX = HexFormat.of();

	private final DocumentCatalog documents;
	private final RecordingCatalog recordings;
	private final RecordsVerifier verifier;
	private final AuditLog audit;
	private final CaseCompliance compliance;
	private final BlobStore store;
	private final Set<String> allowed;

	ArchiveChecks(DocumentCatalog documents, RecordingCatalog recordings, RecordsVerifier verifier, AuditLog audit,
			CaseCompliance compliance, BlobStore store,
			@Value("${lawtrace.retention.allowed-formats:application/pdf,image/jpeg,image/png,video/mp4,video/quicktime,"
					+ "video/x-msvideo,video/x-matroska,video/webm,video/mp2t,video/x-flv,video/x-ms-asf,video/3gpp,"
					+ "audio/mpeg,audio/mp4,audio/wav,audio/x-wav,audio/vnd.wave,audio/amr,audio/aac,audio/ogg}") Set<String> allowed) {
		this.documents = documents;
		this.recordings = recordings;
		this.verifier = verifier;
		this.audit = audit;
		this.compliance = compliance;
		this.store = store;
		this.allowed = Set.copyOf(allowed);
	}

	/** The records a case file holds: every document with all its versions, every AV record, in the file's order. */
	record Contents(List<Document> documents, List<Recording> recordings) {
	}

	Contents gather(Case c, CaseFileContents file) {
		var docs = documents.documents(c.id()).stream().filter(d -> d.kind().volume() != Volume.NONE).toList();
		var avRecords = new ArrayList<Recording>();
		for (var page = 0;; page++) {
			var found = recordings.search(new RecordingQuery(c.id(), null, null, null, null, page,
					RecordingQuery.MAX_PAGE_SIZE));
			avRecords.addAll(found.items());
			if ((long) (page + 1) * RecordingQuery.MAX_PAGE_SIZE >= found.total()) {
				break;
			}
		}
		avRecords.sort(Comparator.comparing(r -> r.current().startedAt()));
		return new Contents(docs, List.copyOf(avRecords));
	}

	boolean allowed(String mediaType) {
		return allowed.contains(mediaType.toLowerCase(Locale.ROOT));
	}

	ArchiveReport beforePacking(Case c, FilePlanCategory category, CaseFileContents file, Contents contents,
			String checkedAt) {
		var findings = new ArrayList<ArchiveReport.Finding>();
		var items = new ArrayList<ArchiveReport.Item>();
		authenticity(contents, findings);
		integrity(c, category, file, contents, findings);
		documentFiles(contents, findings, items);
		for (var r : contents.recordings()) {
			if (!allowed(r.facts().mediaType())) {
				findings.add(new ArchiveReport.Finding(Property.SECURITY, "format-allowed", false,
						"音像记录 " + r.originalName() + " 的格式 " + r.facts().mediaType() + " 不在允许的归档格式之列"));
			}
		}
		return new ArchiveReport(c.caseNumber().value(), checkedAt, items, findings, null, null);
	}

	private void authenticity(Contents contents, List<ArchiveReport.Finding> findings) {
		var differences = verifier.verifyOnly(contents.recordings().stream().map(Recording::id).toList(),
				contents.documents().stream().map(Document::id).toList());
		if (differences.isEmpty()) {
			findings.add(new ArchiveReport.Finding(Property.AUTHENTICITY, "records-match-log", true,
					contents.documents().size() + " 件文书、" + contents.recordings().size()
							+ " 件音像记录的登记信息（摘要、大小、记录人、关联案件、各版本）与审计日志一致"));
		}
		differences.forEach(d -> findings.add(new ArchiveReport.Finding(Property.AUTHENTICITY, "records-match-log",
				false, "记录与审计日志不符：" + d.line())));
		var log = audit.verify();
		findings.add(new ArchiveReport.Finding(Property.AUTHENTICITY, "audit-log-verifies", log.holds(), log.holds()
				? "审计日志校验通过（" + log.entries() + " 条，根 " + log.root().substring(0, Math.min(16, log.root().length()))
						+ "…）"
				: "审计日志校验未通过：" + log.reason()));
	}

	private void integrity(Case c, FilePlanCategory category, CaseFileContents file, Contents contents,
			List<ArchiveReport.Finding> findings) {
		for (var alternatives : category.requiredDocuments()) {
			var present = contents.documents().stream().anyMatch(d -> alternatives.contains(d.kind().code()));
			var names = String.join("或", alternatives.stream().map(this::kindName).toList());
			findings.add(new ArchiveReport.Finding(Property.INTEGRITY, "required-document", present,
					(present ? "必备文书齐全：" : "缺少必备文书：") + names + "（归档范围：" + category.name() + "）"));
		}
		var open = compliance.openFindingsNow(c.id()).stream().filter(f -> f.severity() == Severity.MAJOR)
			.sorted(Comparator.comparing(Finding::ruleId)).toList();
		if (open.isEmpty()) {
			findings.add(new ArchiveReport.Finding(Property.INTEGRITY, "compliance", true,
					"合规检查无未整改的严重问题（音像记录、签章齐全）"));
		}
		open.forEach(f -> findings.add(new ArchiveReport.Finding(Property.INTEGRITY, "compliance", false,
				"合规检查未整改：" + ArticleNames.of(f.article(), Locale.CHINA) + " " + f.ruleId() + "："
						+ ArticleNames.of(f.detail(), Locale.CHINA))));
		// the volumes' page numbers run through every document's current version, once
		var counted = contents.documents().stream().mapToInt(d -> d.current().pageCount()).sum();
		var numbered = file.main().pages() + file.secondary().pages();
		findings.add(new ArchiveReport.Finding(Property.INTEGRITY, "page-count", counted == numbered,
				"页数：卷内目录编页 " + numbered + " 页，文书现行版本共 " + counted + " 页"));
		var listedDocuments = file.main().entries().stream().filter(e -> e.documentId() != null).count()
				+ file.secondary().entries().stream().filter(e -> e.documentId() != null).count();
		var listedAv = file.main().entries().stream()
			.filter(e -> e.recordingId() != null && e.kindName().startsWith("音像记录")).count();
		var itemsAddUp = listedDocuments == contents.documents().size() && listedAv == contents.recordings().size();
		findings.add(new ArchiveReport.Finding(Property.INTEGRITY, "item-count", itemsAddUp,
				"件数：卷内目录列文书 " + listedDocuments + " 件、音像记录 " + listedAv + " 件；案件有文书 "
						+ contents.documents().size() + " 件、音像记录 " + contents.recordings().size() + " 件"));
	}

	private String kindName(String code) {
		try {
			return documents.kind(code).chineseName();
		}
		catch (RuntimeException e) {
			return code;
		}
	}

	/** Every version of every document: digest recomputed, opened (PDF parsed, image decoded), format and content. */
	private void documentFiles(Contents contents, List<ArchiveReport.Finding> findings, List<ArchiveReport.Item> items) {
		int versions = 0, failedDigest = 0, failedOpen = 0, failedSecurity = 0;
		for (var d : contents.documents()) {
			for (var v : d.versions()) {
				versions++;
				var path = ArchiveAssembly.documentPath(d, v);
				byte[] bytes;
				try (var in = store.open(v.digest())) {
					bytes = in.readAllBytes();
				}
				catch (IOException | RuntimeException e) {
					findings.add(new ArchiveReport.Finding(Property.AUTHENTICITY, "document-digest", false,
							"文书 " + d.title() + " 第" + v.number() + "版的文件无法读取：" + e.getMessage()));
					failedDigest++;
					continue;
				}
				var sha256 = HEX.formatHex(sha256(bytes));
				if (!sha256.equals(v.digest().sha256()) || bytes.length != v.digest().sizeBytes()) {
					findings.add(new ArchiveReport.Finding(Property.AUTHENTICITY, "document-digest", false,
							"文书 " + d.title() + " 第" + v.number() + "版的文件与登记的摘要不符（SHA-256 " + sha256 + "）"));
					failedDigest++;
				}
				var opened = open(bytes, v);
				if (opened.problem() != null) {
					findings.add(new ArchiveReport.Finding(Property.USABILITY, "document-opens", false,
							"文书 " + d.title() + " 第" + v.number() + "版无法打开：" + opened.problem()));
					failedOpen++;
				}
				var unsafe = unsafe(bytes, v);
				if (unsafe != null) {
					findings.add(new ArchiveReport.Finding(Property.SECURITY, "no-executable", false,
							"文书 " + d.title() + " 第" + v.number() + "版：" + unsafe));
					failedSecurity++;
				}
				if (!allowed(v.mediaType())) {
					findings.add(new ArchiveReport.Finding(Property.SECURITY, "format-allowed", false,
							"文书 " + d.title() + " 第" + v.number() + "版的格式 " + v.mediaType() + " 不在允许的归档格式之列"));
					failedSecurity++;
				}
				items.add(new ArchiveReport.Item(path, "DOCUMENT", d.id().id().toString(), v.mediaType(),
						v.digest().sha256(), v.digest().sizeBytes(), opened.method()));
			}
		}
		if (failedDigest == 0) {
			findings.add(new ArchiveReport.Finding(Property.AUTHENTICITY, "document-digest", true,
					versions + " 个文书文件版本的 SHA-256 与登记一致"));
		}
		if (failedOpen == 0) {
			findings.add(new ArchiveReport.Finding(Property.USABILITY, "document-opens", true,
					versions + " 个文书文件版本均可打开（PDF 解析、图像解码），页数与登记一致"));
		}
		if (failedSecurity == 0) {
			findings.add(new ArchiveReport.Finding(Property.SECURITY, "document-formats", true,
					versions + " 个文书文件版本格式在允许之列，无可执行内容、脚本或嵌入文件"));
		}
	}

	private record Opened(String method, @org.jspecify.annotations.Nullable String problem) {
	}

	private static Opened open(byte[] bytes, DocumentVersion v) {
		if ("application/pdf".equals(v.mediaType())) {
			try (var pdf = Loader.loadPDF(new RandomAccessReadBuffer(bytes))) {
				var pages = pdf.getNumberOfPages();
				return new Opened("PDFBox", pages == v.pageCount() ? null
						: "页数 " + pages + " 与登记的 " + v.pageCount() + " 页不符");
			}
			catch (IOException | RuntimeException e) {
				return new Opened("PDFBox", "PDF 无法解析：" + e.getMessage());
			}
		}
		if (v.mediaType().startsWith("image/")) {
			try {
				var image = ImageIO.read(new ByteArrayInputStream(bytes));
				return new Opened("ImageIO", image == null || image.getWidth() < 1 ? "图像无法解码" : null);
			}
			catch (IOException | RuntimeException e) {
				return new Opened("ImageIO", "图像无法解码：" + e.getMessage());
			}
		}
		return new Opened("none", "无法检查此格式");
	}

	/** Executable content: a program's signature, or a PDF that runs scripts, launches programs or carries files. */
	private static @org.jspecify.annotations.Nullable String unsafe(byte[] bytes, DocumentVersion v) {
		if (FileSignatures.executable(bytes, Math.min(bytes.length, 16))) {
			return "文件为可执行程序";
		}
		if (!"application/pdf".equals(v.mediaType())) {
			return null;
		}
		try (var pdf = Loader.loadPDF(new RandomAccessReadBuffer(bytes))) {
			var catalog = pdf.getDocumentCatalog();
			var names = catalog.getNames();
			if (names != null && names.getJavaScript() != null) {
				return "PDF 含有脚本（JavaScript）";
			}
			if (names != null && names.getEmbeddedFiles() != null) {
				return "PDF 含有嵌入文件";
			}
			var action = catalog.getOpenAction();
			if (action instanceof PDActionJavaScript || action instanceof PDActionLaunch) {
				return "PDF 打开时执行脚本或程序";
			}
			return null;
		}
		catch (IOException | RuntimeException e) {
			// unreadable PDFs are the usability check's finding
			return null;
		}
	}

	static byte[] sha256(byte[] bytes) {
		MessageDigest digest = BagWriter.sha256();
		return digest.digest(bytes);
	}
}
