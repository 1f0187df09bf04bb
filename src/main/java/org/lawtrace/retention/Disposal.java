package org.lawtrace.retention;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.NotPermitted;
import org.lawtrace.shared.RecordDestroyed;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.Text;
import org.lawtrace.staff.Role;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.lawtrace.storage.BlobDestruction;
import org.lawtrace.storage.Copy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Disposition (销毁, ART-16), never automatic: the month's list of what is due (period run out, no hold, no
 * long-term mark); a disposition proposed from it by the custodian; appraisal opinions (鉴定意见) of the custodian and
 * legal affairs; the director's approval; then destruction of each blob in every copy the store lets go of, leaving a
 * tombstone per record and the destruction register (销毁清册). Nothing here runs on a schedule. Every refused step
 * is logged.
 */
@Service
public class Disposal {

	private final DueRecords due;
	private final Dispositions dispositions;
	private final Tombstones tombstones;
	private final LegalHolds holds;
	private final LongTermPreservation longTerm;
	private final BlobDestruction destruction;
	private final StaffDirectory staff;
	private final BureauTime time;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate each;
	private final DestructionRegister register;
	private final Archives archives;
	private final ArchivePackagesDue packages;

	Disposal(DueRecords due, Dispositions dispositions, Tombstones tombstones, LegalHolds holds,
			LongTermPreservation longTerm, BlobDestruction destruction, StaffDirectory staff, BureauTime time,
			ApplicationEventPublisher events, PlatformTransactionManager transactions, DestructionRegister register,
			Archives archives, ArchivePackagesDue packages) {
		this.register = register;
		this.archives = archives;
		this.packages = packages;
		this.due = due;
		this.dispositions = dispositions;
		this.tombstones = tombstones;
		this.holds = holds;
		this.longTerm = longTerm;
		this.destruction = destruction;
		this.staff = staff;
		this.time = time;
		this.events = events;
		this.each = new TransactionTemplate(transactions);
	}

	/**
	 * This month's list: every record whose period has run out by today and is not destroyed yet, each with why it
	 * is withheld where it is (a hold, a long-term mark, already on a disposition). The records of an archived case
	 * go whole, with the file's packages (ART-16): one of them withheld keeps them all.
	 */
	@Transactional(readOnly = true)
	public List<DueRecord> dueList() {
		var destroyed = tombstones.all();
		var proposed = dispositions.onOpenDispositions();
		var held = holds.inForce();
		var kept = longTerm.approvedSubjects();
		var list = due.dueBy(time.today()).stream().filter(r -> !destroyed.contains(r.record()))
			.map(r -> {
				if (held.stream().anyMatch(h -> LegalHolds.covers(h, r.record(), r.caseId()))) {
					return r.withheld(DueRecord.Withheld.HELD);
				}
				if (kept.contains(Subject.of(r.record()))
						|| r.caseId() != null && kept.contains(Subject.ofCase(r.caseId().id()))) {
					return r.withheld(DueRecord.Withheld.LONG_TERM);
				}
				if (r.withheld() != null) {
					return r;
				}
				return proposed.contains(r.record()) ? r.withheld(DueRecord.Withheld.PROPOSED) : r;
			})
			.toList();
		var files = packages.filesOf(
				list.stream().map(DueRecord::caseId).filter(java.util.Objects::nonNull).distinct().toList());
		if (files.isEmpty()) {
			return list;
		}
		var keptWhole = new java.util.HashMap<org.lawtrace.shared.CaseId, DueRecord.Withheld>();
		for (var file : files.values()) {
			if (packages.onSharedDisc(file)) {
				keptWhole.put(file.caseId(), DueRecord.Withheld.SHARED_DISC);
			}
		}
		list.stream().filter(r -> r.caseId() != null && files.containsKey(r.caseId()))
			.filter(r -> r.withheld() != null)
			.forEach(r -> keptWhole.putIfAbsent(r.caseId(), DueRecord.Withheld.FILE_KEPT));
		return list.stream()
			.map(r -> r.disposable() && r.caseId() != null && keptWhole.containsKey(r.caseId())
					? r.withheld(keptWhole.get(r.caseId())) : r)
			.toList();
	}

	/**
	 * The custodian proposes a disposition of the records on this month's list that may be disposed of: all of them,
	 * or those of {@code only} (the custodian may take the list in parts).
	 *
	 * @throws Conflict on {@code records} when nothing chosen is due and free to dispose of.
	 */
	@Transactional
	public Disposition propose(java.util.@Nullable Collection<RecordRef> only, String actor) {
		var person = staff.require(actor);
		if (!person.holds(Role.CUSTODIAN)) {
			throw new NotPermitted("只有档案管理人员可以提出销毁 (only the custodian proposes a disposition)");
		}
		var records = dueList().stream().filter(DueRecord::disposable)
			.filter(r -> only == null || only.contains(r.record()))
			.toList();
		if (records.isEmpty()) {
			throw new Conflict("records", "本月没有到期可销毁的记录 (nothing is due for disposition)");
		}
		var files = packages.filesOf(
				records.stream().map(DueRecord::caseId).filter(java.util.Objects::nonNull).distinct().toList());
		if (only != null) {
			wholeFilesChosen(files.keySet(), only);
		}
		var archival = files.values().stream().flatMap(f -> packages.itemsOf(f).stream()).toList();
		var id = UUID.randomUUID();
		var now = time.now();
		var number = dispositions.nextRegisterNumber(time.today().getYear());
		dispositions.add(id, number, YearMonth.from(time.today()).toString(), person.id(), now, records, archival);
		events.publishEvent(new RetentionEvents.DispositionProposed(id, number, records.size(), person.id()));
		return require(id);
	}

	/** ART-16: an archived file goes whole; choosing some of its records only would leave their copies in its package. */
	private void wholeFilesChosen(java.util.Set<org.lawtrace.shared.CaseId> archived,
			java.util.Collection<RecordRef> only) {
		var missing = dueList().stream().filter(DueRecord::disposable)
			.filter(r -> r.caseId() != null && archived.contains(r.caseId()) && !only.contains(r.record()))
			.findFirst();
		if (missing.isPresent()) {
			throw new Conflict("records", "已归档案卷须整卷销毁，请一并选择案件 " + missing.get().caseNumber()
					+ " 的全部到期记录 (an archived case file is disposed of whole: choose all of its due records)");
		}
	}

	/**
	 * An appraisal opinion (鉴定意见): by the custodian or legal affairs, once each, before the director decides.
	 *
	 * @param role which appraiser the actor speaks as; null: the one role of the two they hold.
	 */
	@Transactional
	public Disposition appraise(UUID id, Disposition.@Nullable AppraiserRole role, boolean agrees,
			@Nullable String opinion, String actor) {
		var person = staff.require(actor);
		var d = require(id);
		var as = role != null ? role : person.holds(Role.LEGAL_AFFAIRS) ? Disposition.AppraiserRole.LEGAL_AFFAIRS
				: Disposition.AppraiserRole.CUSTODIAN;
		if (!person.holds(as == Disposition.AppraiserRole.CUSTODIAN ? Role.CUSTODIAN : Role.LEGAL_AFFAIRS)) {
			throw new NotPermitted("只有档案管理人员和法制机构可以出具鉴定意见 (only the custodian and legal affairs appraise)");
		}
		if (d.status() != Disposition.Status.PROPOSED) {
			throw new Conflict("status", "该销毁已决定 (already decided)");
		}
		if (d.appraisedBy(as)) {
			throw new Conflict("role", "已出具鉴定意见 (this appraiser has given an opinion already)");
		}
		var text = Text.required("opinion", opinion, 2000, "请填写鉴定意见 (the opinion is required)");
		dispositions.appraise(id, new Disposition.Appraisal(UUID.randomUUID(), as, agrees, text, person.id(), time.now()));
		events.publishEvent(new RetentionEvents.DispositionAppraised(id, as.name(), agrees, person.id()));
		return require(id);
	}

	/**
	 * The director approves or refuses. Anyone else is refused, and the attempt logged; approval also needs both
	 * appraisals in favour.
	 */
	@Transactional
	public Disposition decide(UUID id, boolean approve, @Nullable String note, String actor) {
		var person = staff.require(actor);
		var d = require(id);
		if (!person.holds(Role.DIRECTOR)) {
			throw refused("DISPOSITION_DECISION", d, person, "not the director");
		}
		if (d.status() != Disposition.Status.PROPOSED) {
			throw new Conflict("status", "该销毁已决定 (already decided)");
		}
		if (approve && !d.appraisedInFavour()) {
			throw new Conflict("appraisals",
					"须档案管理人员和法制机构均同意销毁 (both the custodian and legal affairs must agree first)");
		}
		if (!dispositions.decide(id, approve, person.id(), time.now(), Text.optional("note", note, 500))) {
			throw new Conflict("status", "该销毁已决定 (decided meanwhile)");
		}
		events.publishEvent(new RetentionEvents.DispositionDecided(id, approve, person.id()));
		return require(id);
	}

	/**
	 * Carries out an approved disposition: each record still not held nor marked long-term since has its blobs
	 * destroyed in every copy the store allows, and a tombstone once no copy holds them; then each archived case
	 * file's package versions and disc images, once every record the packages hold is destroyed, and the file is
	 * marked disposed (ART-16). A hold or mark on any record of an archived case keeps the whole file, records and
	 * packages. A store that refuses (Object Lock retention not yet ended) leaves the record as it is, the refusal
	 * on the register; carrying out again later tries again.
	 *
	 * @throws NotPermitted when the director has not approved it; the attempt is logged.
	 */
	public Disposition carryOut(UUID id, String actor) {
		var person = staff.require(actor);
		var d = require(id);
		if (!person.holds(Role.CUSTODIAN) && !person.holds(Role.DIRECTOR)) {
			throw new NotPermitted("只有档案管理人员可以执行销毁 (only the custodian carries out a disposition)");
		}
		if (d.status() != Disposition.Status.APPROVED || d.decidedBy() == null) {
			throw refused("DISPOSITION_CARRY_OUT", d, person, "not approved by the director (status " + d.status() + ")");
		}
		var byRecord = new LinkedHashMap<RecordRef, List<Disposition.Item>>();
		var byFile = new LinkedHashMap<UUID, List<Disposition.Item>>();
		for (var i : d.items()) {
			if (i.archival()) {
				byFile.computeIfAbsent(i.archiveId(), f -> new ArrayList<>()).add(i);
			}
			else {
				byRecord.computeIfAbsent(i.record(), r -> new ArrayList<>()).add(i);
			}
		}
		var keptFiles = each.execute(tx -> keptFiles(d, byRecord, byFile));
		var destroyedBlobs = 0;
		var refusedBlobs = 0;
		for (var entry : byRecord.entrySet()) {
			var counts = each.execute(tx -> destroyRecord(d, entry.getKey(), entry.getValue(), person.id(), keptFiles));
			destroyedBlobs += counts[0];
			refusedBlobs += counts[1];
		}
		for (var entry : byFile.entrySet()) {
			var counts = each.execute(tx -> destroyFile(d, entry.getKey(), entry.getValue(), person.id(), keptFiles));
			destroyedBlobs += counts[0];
			refusedBlobs += counts[1];
		}
		var blobsDestroyed = destroyedBlobs;
		var blobsRefused = refusedBlobs;
		each.executeWithoutResult(tx -> {
			if (blobsRefused == 0) {
				dispositions.carriedOut(id, person.id(), time.now());
			}
			events.publishEvent(new RetentionEvents.DispositionCarriedOut(id, d.registerNumber(), blobsDestroyed,
					blobsRefused, person.id()));
		});
		return require(id);
	}

	/**
	 * The archived cases whose whole file must stay, and why: a hold or long-term mark now on the case or on any
	 * record of it on this disposition (ART-16, ART-17), a file archived or given a new package version after the
	 * proposal (its packages not all on this disposition), or a file disposed of already.
	 */
	private java.util.Map<org.lawtrace.shared.CaseId, String> keptFiles(Disposition d,
			java.util.Map<RecordRef, List<Disposition.Item>> byRecord, java.util.Map<UUID, List<Disposition.Item>> byFile) {
		var kept = new java.util.HashMap<org.lawtrace.shared.CaseId, String>();
		var cases = byRecord.values().stream().map(items -> items.get(0).caseId()).filter(java.util.Objects::nonNull)
			.distinct().toList();
		for (var file : packages.filesOf(cases).values()) {
			if (file.dueOn() == null) {
				kept.put(file.caseId(), "case file archived as permanent");
				continue;
			}
			var listed = byFile.getOrDefault(file.id(), List.of()).stream().map(i -> i.digest().sha256())
				.collect(java.util.stream.Collectors.toSet());
			var now = packages.itemsOf(file).stream().map(i -> i.digest().sha256()).toList();
			if (!listed.containsAll(now)) {
				kept.put(file.caseId(), "case file archived or repackaged after the proposal: its packages are not "
						+ "all on this disposition");
			}
		}
		byRecord.forEach((record, items) -> {
			var caseId = items.get(0).caseId();
			if (caseId != null && (archives.archived(caseId) || byFile.values().stream()
				.anyMatch(f -> caseId.equals(f.get(0).caseId())))) {
				if (holds.held(record, caseId)) {
					kept.putIfAbsent(caseId, "hold in force on the archived case or one of its records");
				}
				else if (longTerm.keptLongTerm(record, caseId)) {
					kept.putIfAbsent(caseId, "long-term mark approved on the archived case or one of its records");
				}
			}
		});
		return kept;
	}

	/** @return blobs destroyed and blobs a store refused, for this record. */
	private int[] destroyRecord(Disposition d, RecordRef record, List<Disposition.Item> items, StaffId actor,
			java.util.Map<org.lawtrace.shared.CaseId, String> keptFiles) {
		if (tombstones.destroyed(record).isPresent()) {
			return new int[] { 0, 0 };
		}
		var caseId = items.get(0).caseId();
		if (holds.held(record, caseId) || longTerm.keptLongTerm(record, caseId)) {
			// a hold or a mark placed after the approval still stops it (ART-16, ART-17)
			withhold(d, items, holds.held(record, caseId) ? "hold in force" : "long-term mark approved");
			return new int[] { 0, 0 };
		}
		if (caseId != null && keptFiles.containsKey(caseId)) {
			// the archival packages hold a copy of it: the file goes whole or not at all
			withhold(d, items, keptFiles.get(caseId));
			return new int[] { 0, 0 };
		}
		var counts = destroyItems(d, items, actor);
		if (counts[1] == 0) {
			var now = time.now();
			tombstones.add(record, d, now, actor);
			events.publishEvent(new RecordDestroyed(record, d.id(), d.registerNumber(), d.decidedBy(), actor, now));
		}
		return counts;
	}

	/**
	 * An archived file's packages and disc images, once every record its packages hold is destroyed; then the file is
	 * marked disposed and a tombstone names the disposition.
	 *
	 * @return blobs destroyed and blobs a store refused.
	 */
	private int[] destroyFile(Disposition d, UUID archiveId, List<Disposition.Item> items, StaffId actor,
			java.util.Map<org.lawtrace.shared.CaseId, String> keptFiles) {
		var file = archives.byId(archiveId).orElse(null);
		if (file == null || file.disposedOf()) {
			return new int[] { 0, 0 };
		}
		if (keptFiles.containsKey(file.caseId())) {
			withhold(d, items, keptFiles.get(file.caseId()));
			return new int[] { 0, 0 };
		}
		var left = file.versions().stream().flatMap(v -> v.report().items().stream())
			.filter(i -> "RECORDING".equals(i.kind()) || "DOCUMENT".equals(i.kind()))
			.map(i -> new RecordRef(RecordRef.Kind.valueOf(i.kind()), UUID.fromString(i.recordId())))
			.distinct()
			.filter(r -> tombstones.destroyed(r).isEmpty())
			.count();
		if (left > 0) {
			withhold(d, items, left + " record(s) in the packages not destroyed: the packages stay with them");
			return new int[] { 0, 0 };
		}
		var counts = destroyItems(d, items, actor);
		if (counts[1] == 0) {
			var now = time.now();
			archives.disposed(archiveId, d.id(), d.registerNumber(), now);
			tombstones.addArchive(archiveId, d, now, actor);
			events.publishEvent(new ArchiveDisposed(archiveId, file.caseId(), file.archiveNumber(),
					file.versions().size(), items.size() - file.versions().size(), d.id(), d.registerNumber(),
					d.decidedBy(), actor));
		}
		return counts;
	}

	private void withhold(Disposition d, List<Disposition.Item> items, String why) {
		items.forEach(i -> dispositions.outcome(d.id(), i.position(), "WITHHELD", null, why, null));
	}

	/** Destroys each item's blob through the store, which asks for the approval itself (ADR 0016). */
	private int[] destroyItems(Disposition d, List<Disposition.Item> items, StaffId actor) {
		var destroyed = 0;
		var refused = 0;
		var now = time.now();
		for (var item : items) {
			var result = destruction.destroy(d.id(), item.digest(), actor);
			var primary = outcomeOf(result, Copy.PRIMARY);
			var replica = outcomeOf(result, Copy.REPLICA);
			var detail = String.join("; ", result.copies().stream()
				.map(c -> c.copy() + " " + c.outcome() + " " + c.detail()).toList());
			dispositions.outcome(d.id(), item.position(), primary == null ? "ABSENT" : primary.name(),
					replica == null ? null : replica.name(), detail, result.complete() ? now : null);
			if (result.complete()) {
				destroyed++;
			}
			else {
				refused++;
			}
		}
		return new int[] { destroyed, refused };
	}

	private static BlobDestruction.@Nullable Outcome outcomeOf(BlobDestruction.Result result, Copy copy) {
		return result.copies().stream().filter(c -> c.copy() == copy).map(BlobDestruction.CopyOutcome::outcome)
			.findFirst().orElse(null);
	}

	@Transactional(readOnly = true)
	public Disposition require(UUID id) {
		return dispositions.byId(id).orElseThrow(() -> new NotFound("disposition", id));
	}

	@Transactional(readOnly = true)
	public List<Disposition> all() {
		return dispositions.all();
	}

	/** The dispositions waiting for {@code username}: the director's decision, or an appraiser's opinion. */
	@Transactional(readOnly = true)
	public List<Disposition> waitingFor(String username) {
		var person = staff.byUsername(username);
		if (person.isEmpty()) {
			return List.of();
		}
		return dispositions.all().stream().filter(d -> waitsFor(d, person.get())).toList();
	}

	private static boolean waitsFor(Disposition d, StaffMember person) {
		if (d.status() != Disposition.Status.PROPOSED) {
			return false;
		}
		if (person.holds(Role.DIRECTOR) && d.appraisedInFavour()) {
			return true;
		}
		return person.holds(Role.CUSTODIAN) && !d.appraisedBy(Disposition.AppraiserRole.CUSTODIAN)
				|| person.holds(Role.LEGAL_AFFAIRS) && !d.appraisedBy(Disposition.AppraiserRole.LEGAL_AFFAIRS);
	}

	private NotPermitted refused(String action, Disposition d, StaffMember person, String reason) {
		events.publishEvent(new RetentionEvents.RetentionStepRefused(action, "DISPOSITION", d.id().toString(),
				person.id(), reason));
		return new NotPermitted("未经局长批准，不得销毁 (needs the director's approval): " + reason);
	}

	/** The destruction register (销毁清册) of a disposition as an Excel workbook. */
	@Transactional(readOnly = true)
	public byte[] registerXlsx(UUID id) {
		return register.xlsx(require(id));
	}

	/** The destruction register (销毁清册) of a disposition as a PDF. */
	@Transactional(readOnly = true)
	public byte[] registerPdf(UUID id) {
		return register.pdf(require(id));
	}
}
