package org.lawtrace.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.cases.Party;
import org.lawtrace.recordings.CorrectionRequest;
import org.lawtrace.recordings.Recording;
import org.lawtrace.recordings.RecordingCatalog;
import org.lawtrace.recordings.RecordingCorrections;
import org.lawtrace.recordings.RecordingQuery;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.NotPermitted;
import org.lawtrace.shared.RecordAccess;
import org.lawtrace.staff.StaffDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles a closed case's file (ART-14, 一案一卷): the main volume (正卷) and the secondary volume (副卷) in the
 * order of SAMR-PR Art. 78, each proof of service right after the document it proves, and the AV records linked to
 * the case listed with the evidence (ART-16.3).
 */
@Service
@Transactional(readOnly = true)
public class CaseFile {

	/** SAMR-PR Art. 78: 正卷 (一)..(七), 副卷 (一)..(六). */
	static final int MAIN_SECTIONS = 7;
	static final int SECONDARY_SECTIONS = 6;
	/** 正卷 (四) 证据材料: where AV records filed as evidence are listed. */
	static final int EVIDENCE_SECTION = 4;

	private final DocumentCatalog catalog;
	private final CaseManagement cases;
	private final RecordingCatalog recordings;
	private final RecordingCorrections corrections;
	private final StaffDirectory staff;
	private final BureauTime time;
	private final ApplicationEventPublisher events;
	private final ContentsList contentsList;
	private final RecordAccess access;

	CaseFile(DocumentCatalog catalog, CaseManagement cases, RecordingCatalog recordings,
			RecordingCorrections corrections, StaffDirectory staff,
			BureauTime time, ApplicationEventPublisher events, ContentsList contentsList, RecordAccess access) {
		this.access = access;
		this.contentsList = contentsList;
		this.catalog = catalog;
		this.cases = cases;
		this.recordings = recordings;
		this.corrections = corrections;
		this.staff = staff;
		this.time = time;
		this.events = events;
	}

	/**
	 * Whether {@code actor} may open the case's file now, as {@link #assemble} checks (ART-20): it lists every record
	 * of the case, so custodians and whole-case grants may. The case page links it only for them (issue 15).
	 */
	@Transactional(readOnly = true)
	public boolean mayOpen(CaseId caseId, String actor) {
		return access.visibility(staff.require(actor).id()).seesWholeCase(caseId);
	}

	/**
	 * @throws Conflict while the case is open: a file is made of a closed case
	 * @throws NotPermitted when {@code actor} may not see every record of the case: the contents list names them
	 *         all (ART-20); custodians, who keep the files (ART-13), and whole-case grants may
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED) // the assembly is logged at once, outside any transaction
	public CaseFileContents assemble(CaseId caseId, String actor) {
		var c = cases.require(caseId);
		if (!access.visibility(staff.require(actor).id()).seesWholeCase(caseId)) {
			throw new NotPermitted("查阅案卷需经批准 (the case file lists every record of the case; ask for access to the "
					+ "case, ART-20)");
		}
		return assembleClosed(c, staff.require(actor).id());
	}

	/**
	 * ART-13, ART-14: the file as archiving freezes it, for the retention module. No content reaches the person
	 * here (the package goes to the write-once store, and only custodians download it), so the director who
	 * overrides a failed four-property check may have it assembled; the assembly is logged as theirs.
	 *
	 * @throws Conflict while the case is open
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public CaseFileContents assembleForArchiving(CaseId caseId, org.lawtrace.shared.StaffId by) {
		return assembleClosed(cases.require(caseId), by);
	}

	private CaseFileContents assembleClosed(Case c, org.lawtrace.shared.StaffId by) {
		var caseId = c.id();
		if (c.status() != Case.Status.CLOSED || c.closedOn() == null) {
			throw new Conflict("status", "案件尚未结案，不能组卷 (the case is not closed yet; ART-14 files closed cases)");
		}
		var documents = catalog.documents(caseId);
		var avRecords = recordings.search(new RecordingQuery(caseId, null, null, null, null, 0,
				RecordingQuery.MAX_PAGE_SIZE)).items().stream()
			.sorted(Comparator.comparing(r -> r.current().startedAt()))
			.toList();
		var main = volume(Volume.MAIN, MAIN_SECTIONS, documents, avRecords, corrections.approvedOfCase(caseId));
		var secondary = volume(Volume.SECONDARY, SECONDARY_SECTIONS, documents, List.of(), List.of());
		var file = new CaseFileContents(caseId, c.caseNumber().value(), c.title(),
				c.parties().stream().map(Party::name).collect(Collectors.joining("、")), c.closedOn(), main, secondary);
		events.publishEvent(new CaseFileAssembled(caseId, main.entries().size(), secondary.entries().size(), by));
		return file;
	}

	/** ART-14: the contents lists (卷内文件目录) of both volumes as one PDF, Chinese in an embedded CJK font. */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public byte[] contentsListPdf(CaseId caseId, String actor) {
		return contentsList.pdf(assemble(caseId, actor));
	}

	/**
	 * ART-14: the contents lists of a file assembled before, headed with a line of the caller's (an archival
	 * package's 档号 and 保管期限), so the archived list and the file it lists are the same reading.
	 */
	public byte[] contentsListPdf(CaseFileContents file, String heading) {
		return contentsList.pdf(file, heading);
	}

	private VolumeContents volume(Volume volume, int sections, List<Document> documents, List<Recording> avRecords,
			List<CorrectionRequest> approvedCorrections) {
		var proofs = new LinkedHashMap<DocumentId, List<DocumentId>>();
		Set<DocumentId> linkedProofs = new HashSet<>();
		for (var d : documents) {
			var ofThis = d.services().stream().map(ServiceRecord::proofId).filter(p -> p != null).distinct().toList();
			proofs.put(d.id(), ofThis);
			linkedProofs.addAll(ofThis);
		}
		var byId = documents.stream().collect(Collectors.toMap(Document::id, d -> d));
		var entries = new ArrayList<VolumeEntry>();
		var placed = new HashSet<DocumentId>();
		var page = 1;
		for (var section = 1; section <= sections; section++) {
			for (var d : documents) {
				if (d.kind().volume() != volume || d.kind().section() != section || linkedProofs.contains(d.id())) {
					continue;
				}
				page = add(entries, d, section, page);
				placed.add(d.id());
				for (var proofId : proofs.get(d.id())) {
					var proof = byId.get(proofId);
					if (proof != null && placed.add(proofId)) {
						page = add(entries, proof, section, page);
					}
				}
			}
			if (section == EVIDENCE_SECTION) {
				for (var r : avRecords) {
					entries.add(new VolumeEntry(entries.size() + 1, section, null, r.id().id(), null,
							r.originalName(), "音像记录（" + r.kind().chineseName() + "）",
							LocalDate.ofInstant(r.current().startedAt(), time.zone()), null, 0, true,
							"音像资料另行存储 SHA-256 " + r.digest().sha256().substring(0, 16)));
				}
				// issue 11: a closed case's records change only by an approved correction, which the file shows
				for (var c : approvedCorrections) {
					entries.add(correctionEntry(entries.size() + 1, section, c));
				}
			}
		}
		return new VolumeContents(volume, entries, page - 1);
	}

	/** A correction entry (更正记录): what changed, who asked, who approved, when and why. */
	private VolumeEntry correctionEntry(int position, int section, CorrectionRequest c) {
		var what = new ArrayList<String>();
		if (c.unlink()) {
			what.add("解除与本案的关联");
		}
		if (c.caseId() != null) {
			what.add(c.caseBefore() == null ? "关联至本案"
					: "由" + cases.require(c.caseBefore()).caseNumber().value() + "改为关联"
							+ cases.require(c.caseId()).caseNumber().value());
		}
		if (c.recordedBy() != null) {
			what.add("记录人改为" + name(c.recordedBy()));
		}
		if (c.startedAt() != null || c.endedAt() != null) {
			what.add("更正拍摄时间");
		}
		var decided = c.decidedAt() == null ? c.requestedAt() : c.decidedAt();
		return new VolumeEntry(position, section, null, c.recordingId().id(), null,
				"音像记录更正：" + String.join("，", what), "更正记录", LocalDate.ofInstant(decided, time.zone()), null, 0,
				true, "申请人 " + name(c.requestedBy()) + "，批准人 " + (c.decidedBy() == null ? "" : name(c.decidedBy()))
						+ "，原因：" + c.reason());
	}

	private String name(org.lawtrace.shared.StaffId id) {
		return staff.byId(id).map(m -> m.name()).orElse("?");
	}

	private int add(List<VolumeEntry> entries, Document d, int section, int firstPage) {
		var count = d.current().pageCount();
		var last = firstPage + count - 1;
		var effective = catalog.missing(d, d.current().number()).isEmpty();
		var note = new ArrayList<String>();
		if (d.current().number() > 1) {
			note.add("第" + d.current().number() + "版");
		}
		if (!effective) {
			note.add("未确认");
		}
		entries.add(new VolumeEntry(entries.size() + 1, section, d.id(), null, d.number(), d.title(),
				d.kind().chineseName(), LocalDate.ofInstant(d.madeAt(), time.zone()),
				count == 1 ? String.valueOf(firstPage) : firstPage + "-" + last, count, effective,
				note.isEmpty() ? null : String.join("，", note)));
		return last + 1;
	}
}
