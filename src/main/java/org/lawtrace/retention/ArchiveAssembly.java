package org.lawtrace.retention;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lawtrace.audit.AuditLog;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.Party;
import org.lawtrace.documents.CaseFile;
import org.lawtrace.documents.CaseFileContents;
import org.lawtrace.documents.Document;
import org.lawtrace.documents.DocumentVersion;
import org.lawtrace.recordings.Recording;
import org.lawtrace.retention.ArchiveReport.Property;
import org.lawtrace.shared.BagWriter;
import org.lawtrace.storage.WrittenBlob;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.lawtrace.storage.BlobStore;
import org.springframework.stereotype.Component;

/**
 * Streams an archival package (归档包) into the write-once store as a BagIt bag (ADR 0002's writer, shared with the
 * evidence packages): under {@code data/} the originals of every document version and audio-visual record, the
 * cover (案卷封面), the contents lists (卷内文件目录) and the remarks sheet (卷内备考表) as PDF; beside it the volume
 * order, the records' metadata, the chain of custody with inclusion proofs, the signed checkpoint and its key, and
 * the four-property report. Audio-visual originals are checked as they pass (digest against the ingest record,
 * ffprobe or their signature, executable content), so each is read once and never copied aside; the package is
 * only staged until the writer finished and the checks passed (or were overridden), so a failure leaves nothing.
 */
@Component
class ArchiveAssembly {


	private final BlobStore store;
	private final CaseFile caseFile;
	private final ArchivePdfs pdfs;
	private final ArchiveChecks checks;
	private final MediaProbe probe;
	private final AuditLog audit;
	private final StaffDirectory staff;
	private final BureauTime time;

	ArchiveAssembly(BlobStore store, CaseFile caseFile, ArchivePdfs pdfs, ArchiveChecks checks, MediaProbe probe,
			AuditLog audit, StaffDirectory staff, BureauTime time) {
		this.store = store;
		this.caseFile = caseFile;
		this.pdfs = pdfs;
		this.checks = checks;
		this.probe = probe;
		this.audit = audit;
		this.staff = staff;
		this.time = time;
	}

	record Packed(ContentDigest digest, ArchiveReport report) {
	}

	static String documentPath(Document d, DocumentVersion v) {
		return "documents/" + d.id().id() + "/v" + v.number() + extension(v.fileName(), v.mediaType());
	}

	static String recordingPath(Recording r) {
		return "recordings/" + r.id().id() + extension(r.originalName(), r.facts().mediaType());
	}

	private static String extension(String name, String mediaType) {
		var dot = name.lastIndexOf('.');
		var ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
		if (ext.matches("[a-z0-9]{1,8}")) {
			return "." + ext;
		}
		return "application/pdf".equals(mediaType) ? ".pdf" : "";
	}

	Packed store(ArchiveFile archive, int version, Case c, CaseFileContents file, ArchiveChecks.Contents contents,
			ArchiveReport early, @Nullable String overrideReason, StaffMember by) {
		var subjects = new ArrayList<AuditLog.Subject>();
		subjects.add(new AuditLog.Subject("CASE", c.id().id().toString()));
		contents.documents().forEach(d -> subjects.add(new AuditLog.Subject("DOCUMENT", d.id().id().toString())));
		contents.recordings().forEach(r -> subjects.add(new AuditLog.Subject("RECORDING", r.id().id().toString())));
		var custody = audit.custodyExtract(subjects);
		var report = new AtomicReference<ArchiveReport>();
		var digest = WrittenBlob.store(store, "archive-package-" + archive.archiveNumber(), out -> {
			try (var bag = new BagWriter(out, "archive-" + archive.archiveNumber() + "-v" + version)) {
				report.set(write(bag, archive, version, c, file, contents, early, overrideReason, by, custody));
			}
		});
		return new Packed(digest, report.get());
	}

	private ArchiveReport write(BagWriter bag, ArchiveFile archive, int version, Case c, CaseFileContents file,
			ArchiveChecks.Contents contents, ArchiveReport early, @Nullable String overrideReason, StaffMember by,
			AuditLog.CustodyExtract custody) throws IOException {
		var findings = new ArrayList<>(early.findings());
		var items = new ArrayList<>(early.items());
		var payloadFiles = 0;
		for (var d : contents.documents()) {
			for (var v : d.versions()) {
				try (var original = store.open(v.digest())) {
					var written = bag.addPayload(documentPath(d, v), original);
					payloadFiles++;
					if (!written.sha256().equals(v.digest().sha256())) {
						findings.add(new ArchiveReport.Finding(Property.AUTHENTICITY, "document-digest", false,
								"文书 " + d.title() + " 第" + v.number() + "版写入归档包时摘要不符"));
					}
				}
			}
		}
		long avBytes = 0;
		int badDigest = 0, unopened = 0, unsafe = 0;
		String method = probe.available() ? "ffprobe" : "container signature";
		for (var r : contents.recordings()) {
			var path = recordingPath(r);
			var probing = probe.start();
			var head = new HeadCapture();
			BagWriter.Digests written;
			try (var original = store.open(r.digest())) {
				written = bag.addPayload(path, new TeeStream(original, probing, head));
			}
			payloadFiles++;
			avBytes += written.size();
			if (!written.sha256().equals(r.digest().sha256()) || written.size() != r.digest().sizeBytes()) {
				findings.add(new ArchiveReport.Finding(Property.AUTHENTICITY, "recording-digest", false,
						"音像记录 " + r.originalName() + " 的原始文件与登记的摘要不符（SHA-256 " + written.sha256() + "）"));
				badDigest++;
			}
			var problem = probing.finish();
			method = probing.method();
			if (problem != null) {
				findings.add(new ArchiveReport.Finding(Property.USABILITY, "recording-opens", false,
						"音像记录 " + r.originalName() + " 无法打开：" + problem));
				unopened++;
			}
			if (FileSignatures.executable(head.bytes, head.filled)) {
				findings.add(new ArchiveReport.Finding(Property.SECURITY, "no-executable", false,
						"音像记录 " + r.originalName() + " 为可执行程序"));
				unsafe++;
			}
			items.add(new ArchiveReport.Item("data/" + path, "RECORDING", r.id().id().toString(), r.facts().mediaType(),
					r.digest().sha256(), r.digest().sizeBytes(), probing.method()));
		}
		if (!contents.recordings().isEmpty()) {
			if (badDigest == 0) {
				findings.add(new ArchiveReport.Finding(Property.AUTHENTICITY, "recording-digest", true,
						contents.recordings().size() + " 件音像记录原始文件写入归档包时重新计算的 SHA-256 与入库记录一致"));
			}
			if (unopened == 0) {
				findings.add(new ArchiveReport.Finding(Property.USABILITY, "recording-opens", true,
						contents.recordings().size() + " 件音像记录均可打开（" + ("ffprobe".equals(method) ? "经 ffprobe 解析"
								: "经文件格式标识核对") + "）"));
			}
			if (unsafe == 0) {
				findings.add(new ArchiveReport.Finding(Property.SECURITY, "recording-content", true,
						contents.recordings().size() + " 件音像记录无可执行内容"));
			}
		}
		findings.add(new ArchiveReport.Finding(Property.SECURITY, "package-digests", true, "归档包内 " + (payloadFiles + 3)
				+ " 个文件的 SHA-256 与 SM3 记入清单（manifest-sha256.txt、manifest-sm3.txt），标签文件记入标签清单"));
		var checked = new ArchiveReport(c.caseNumber().value(), early.checkedAt(), items, findings, null, null);
		if (!checked.passed()) {
			if (overrideReason == null) {
				throw new ArchiveCheckFailed(checked);
			}
			checked = checked.overridden(overrideReason, by.name());
		}
		var archivedOn = time.local(time.now()).toLocalDate();
		var handlers = staff.byIds(c.handlers()).stream().map(StaffMember::name).collect(Collectors.joining("、"));
		var parties = c.parties().stream().map(Party::name).collect(Collectors.joining("、"));
		var unit = staff.unit(c.handlingUnit()).map(u -> u.name()).orElse("");
		var period = archive.period().chinese();
		var avRecords = contents.recordings().size();
		bag.addPayload("00-cover.pdf", new java.io.ByteArrayInputStream(pdfs.cover(new ArchivePdfs.Cover(
				archive.archiveNumber(), c.caseNumber().value(), c.title(), parties, handlers, unit,
				time.local(c.openedAt()).toLocalDate(), c.closedOn(), archivedOn, period, archive.dueOn(),
				file.main().entries().size(), file.main().pages(), file.secondary().entries().size(),
				file.secondary().pages(), avRecords, version))));
		bag.addPayload("01-contents.pdf", new java.io.ByteArrayInputStream(caseFile.contentsListPdf(file,
				"档号：" + archive.archiveNumber() + "　　保管期限：" + period)));
		var notes = new ArrayList<String>();
		if (version > 1) {
			notes.add("本版为第 " + version + " 版，此前各版保留于只写存储。");
		}
		bag.addPayload("99-remarks.pdf", new java.io.ByteArrayInputStream(pdfs.remarks(new ArchivePdfs.Remarks(
				archive.archiveNumber(), c.caseNumber().value(), contents.documents().size(),
				contents.documents().stream().mapToInt(d -> d.versions().size()).sum(),
				file.main().pages() + file.secondary().pages(), avRecords, avBytes, notes, by.name(), archivedOn,
				checked.passed(), checked.overrideReason(), checked.overriddenBy()))));
		bag.addTag("metadata/archive.json", Archives.JSON.writeValueAsBytes(archiveInfo(archive, version, c, parties,
				handlers, unit)));
		bag.addTag("metadata/volumes.json", Archives.JSON.writeValueAsBytes(volumes(file, contents)));
		bag.addTag("metadata/report.json", Archives.JSON.writeValueAsBytes(checked));
		// custody and items as evidence packages write them (access.PackageFormat), so `verify-package` checks an
		// archival package offline too: signature, every entry's leaf and inclusion proof, each file's digest
		bag.addTag("custody/entries.json", Archives.JSON.writeValueAsBytes(custody.entries().stream()
			.map(p -> {
				var e = new LinkedHashMap<String, Object>();
				e.put("seq", p.entry().seq());
				e.put("at", p.entry().at().toString());
				e.put("actor", p.entry().actor());
				e.put("action", p.entry().action());
				e.put("subjectType", p.entry().subjectType());
				e.put("subjectId", p.entry().subjectId());
				e.put("outcome", p.entry().outcome());
				e.put("detail", p.entry().detail());
				e.put("leafHash", p.entry().leafHash());
				e.put("path", p.path());
				return e;
			})
			.toList()));
		var cp = custody.checkpoint();
		bag.addTag("custody/checkpoint.json", Archives.JSON.writeValueAsBytes(Map.of("treeSize", cp.treeSize(),
				"rootHash", cp.rootHash(), "signedAt", cp.signedAt().toString(), "algorithm", cp.algorithm(),
				"signature", cp.signature())));
		var key = custody.publicKey();
		bag.addTag("custody/public-key.json", Archives.JSON.writeValueAsBytes(Map.of("algorithm", key.algorithm(),
				"curve", key.curve(), "hex", key.hex())));
		bag.addTag("custody/public-key.pem", key.pem().getBytes(StandardCharsets.UTF_8));
		bag.addTag("metadata/items.json", Archives.JSON.writeValueAsBytes(items(archive, version, c, parties,
				handlers, by, contents)));
		var info = new LinkedHashMap<String, String>();
		info.put("Source-Organization", "LawTrace 执法全过程记录平台" + (unit.isEmpty() ? "" : " " + unit));
		info.put("Contact-Name", by.name());
		info.put("External-Identifier", archive.archiveNumber() + " v" + version);
		info.put("Bagging-Date", archivedOn.toString());
		info.put("External-Description", "归档包 archival package of case " + c.caseNumber().value() + "; 档号 "
				+ archive.archiveNumber() + "; 保管期限 " + period);
		info.put("Bag-Software-Agent", "LawTrace archiving (ART-13, ART-14)");
		bag.finish(info);
		return checked;
	}

	/** {@code metadata/items.json} in the evidence packages' shape: every document version and AV original. */
	private Map<String, Object> items(ArchiveFile archive, int version, Case c, String parties, String handlers,
			StaffMember by, ArchiveChecks.Contents contents) {
		var m = new LinkedHashMap<String, Object>();
		m.put("packageId", archive.id() + "-v" + version);
		m.put("recipientKind", "ARCHIVE");
		m.put("recipient", "档案（档号 " + archive.archiveNumber() + "）");
		m.put("purpose", "归档 archiving, 保管期限 " + archive.period().chinese());
		m.put("caseInfo", Map.of("id", c.id().id().toString(), "caseNumber", c.caseNumber().value(), "title", c.title(),
				"parties", List.of(parties.split("、")), "handlers", List.of(handlers.split("、"))));
		m.put("createdBy", by.name());
		m.put("createdAt", time.now().toString());
		var list = new ArrayList<Map<String, Object>>();
		for (var d : contents.documents()) {
			for (var v : d.versions()) {
				list.add(item("DOCUMENT", d.id().id().toString(), "data/" + documentPath(d, v), v.fileName(),
						d.kind().code(), v.mediaType(), v.digest(), c, "纸质文书的电子文件", "文书第 " + v.number() + " 版",
						d.madeAt().toString(), d.madeAt().toString(), name(d.madeBy()), name(v.changedBy()),
						v.changedAt().toString(), false));
			}
		}
		for (var r : contents.recordings()) {
			list.add(item("RECORDING", r.id().id().toString(), "data/" + recordingPath(r), r.originalName(),
					r.kind().name(), r.facts().mediaType(), r.digest(), c,
					r.current().deviceSerial() == null ? "执法记录设备" : "执法记录设备，序列号 " + r.current().deviceSerial(),
					"原始文件", r.current().startedAt().toString(), r.current().endedAt().toString(),
					name(r.current().recordedBy()), name(r.uploadedBy()), r.uploadedAt().toString(),
					r.kind() != org.lawtrace.recordings.RecordingKind.PHOTO));
		}
		m.put("items", list);
		return m;
	}

	private static Map<String, Object> item(String recordKind, String id, String file, String originalName, String kind,
			String mediaType, ContentDigest digest, Case c, String carrier, String method, String madeFrom,
			String madeUntil, String madeBy, String storedBy, String storedAt, boolean sound) {
		var m = new LinkedHashMap<String, Object>();
		m.put("recordKind", recordKind);
		m.put("id", id);
		m.put("file", file);
		m.put("originalName", originalName);
		m.put("kind", kind);
		m.put("mediaType", mediaType);
		m.put("sha256", digest.sha256());
		m.put("sm3", digest.sm3());
		m.put("sizeBytes", digest.sizeBytes());
		m.put("caseId", c.id().id().toString());
		m.put("carrier", carrier);
		m.put("method", method);
		m.put("madeFrom", madeFrom);
		m.put("madeUntil", madeUntil);
		m.put("madeBy", madeBy);
		m.put("storedBy", storedBy);
		m.put("storedAt", storedAt);
		m.put("offeredToProve", "归档");
		m.put("transcript", sound ? "" : null);
		return m;
	}

	private String name(org.lawtrace.shared.StaffId id) {
		return staff.byId(id).map(StaffMember::name).orElse(id.toString());
	}

	private static Map<String, Object> archiveInfo(ArchiveFile a, int version, Case c, String parties, String handlers,
			String unit) {
		var m = new LinkedHashMap<String, Object>();
		m.put("archiveNumber", a.archiveNumber());
		m.put("version", version);
		m.put("caseId", c.id().id().toString());
		m.put("caseNumber", c.caseNumber().value());
		m.put("title", c.title());
		m.put("kind", c.kind().name());
		m.put("procedure", c.procedure().name());
		m.put("major", c.major());
		m.put("parties", parties);
		m.put("handlers", handlers);
		m.put("unit", unit);
		m.put("closedOn", String.valueOf(c.closedOn()));
		m.put("category", a.category());
		m.put("filePlanVersion", a.filePlanVersion());
		m.put("retentionPeriod", a.period().code());
		m.put("retentionPeriodChinese", a.period().chinese());
		m.put("cutOff", a.cutOff().name());
		m.put("cutOffDate", a.cutOffDate().toString());
		m.put("dueOn", a.dueOn() == null ? null : a.dueOn().toString());
		return m;
	}

	/** The volume order (正卷/副卷, SAMR-PR Art. 78) with the package path of each entry's file. */
	private static Map<String, Object> volumes(CaseFileContents file, ArchiveChecks.Contents contents) {
		var docs = contents.documents().stream().collect(Collectors.toMap(d -> d.id(), d -> d));
		var recs = contents.recordings().stream().collect(Collectors.toMap(r -> r.id().id(), r -> r));
		var m = new LinkedHashMap<String, Object>();
		for (var volume : List.of(file.main(), file.secondary())) {
			m.put(volume.volume().name(), Map.of("pages", volume.pages(), "entries", volume.entries().stream().map(e -> {
				var entry = new LinkedHashMap<String, Object>();
				entry.put("position", e.position());
				entry.put("section", e.section());
				entry.put("kind", e.kindName());
				entry.put("title", e.title());
				entry.put("number", e.number());
				entry.put("date", e.date().toString());
				entry.put("pages", e.pages());
				entry.put("note", e.note());
				var d = e.documentId() == null ? null : docs.get(e.documentId());
				if (d != null) {
					entry.put("files", d.versions().stream().map(v -> "data/" + documentPath(d, v)).toList());
				}
				var r = e.recordingId() == null ? null : recs.get(e.recordingId());
				if (r != null && e.kindName().startsWith("音像记录")) {
					entry.put("files", List.of("data/" + recordingPath(r)));
				}
				return entry;
			}).toList()));
		}
		return m;
	}

	/** Keeps the first bytes read, for the executable-content check. */
	private static final class HeadCapture {
		final byte[] bytes = new byte[16];
		int filled;

		void take(byte[] b, int off, int len) {
			var n = Math.min(len, bytes.length - filled);
			if (n > 0) {
				System.arraycopy(b, off, bytes, filled, n);
				filled += n;
			}
		}
	}

	/** Reading the original feeds the prober and the head capture with the same bytes. */
	private static final class TeeStream extends java.io.FilterInputStream {

		private final MediaProbe.Probe probe;
		private final HeadCapture head;

		TeeStream(java.io.InputStream in, MediaProbe.Probe probe, HeadCapture head) {
			super(in);
			this.probe = probe;
			this.head = head;
		}

		@Override
		public int read() throws IOException {
			var b = new byte[1];
			return read(b, 0, 1) < 0 ? -1 : b[0] & 0xff;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			var n = super.read(b, off, len);
			if (n > 0) {
				head.take(b, off, n);
				probe.sink().write(b, off, n);
			}
			return n;
		}
	}
}
