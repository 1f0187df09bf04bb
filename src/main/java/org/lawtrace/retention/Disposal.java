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

	Disposal(DueRecords due, Dispositions dispositions, Tombstones tombstones, LegalHolds holds,
			LongTermPreservation longTerm, BlobDestruction destruction, StaffDirectory staff, BureauTime time,
			ApplicationEventPublisher events, PlatformTransactionManager transactions, DestructionRegister register,
			Archives archives) {
		this.register = register;
		this.archives = archives;
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
	 * is withheld where it is (a hold, a long-term mark, already on a disposition).
	 */
	@Transactional(readOnly = true)
	public List<DueRecord> dueList() {
		var destroyed = tombstones.all();
		var proposed = dispositions.onOpenDispositions();
		var held = holds.inForce();
		var kept = longTerm.approvedSubjects();
		var list = due.dueBy(time.today()).stream().filter(r -> !destroyed.contains(r.record())).toList();
		var archived = archives.archivedAmong(
				list.stream().map(DueRecord::caseId).filter(java.util.Objects::nonNull).distinct().toList());
		return list.stream()
			.map(r -> {
				if (held.stream().anyMatch(h -> LegalHolds.covers(h, r.record(), r.caseId()))) {
					return r.withheld(DueRecord.Withheld.HELD);
				}
				if (kept.contains(Subject.of(r.record()))
						|| r.caseId() != null && kept.contains(Subject.ofCase(r.caseId().id()))) {
					return r.withheld(DueRecord.Withheld.LONG_TERM);
				}
				if (r.caseId() != null && archived.contains(r.caseId().id())) {
					return r.withheld(DueRecord.Withheld.ARCHIVED);
				}
				return proposed.contains(r.record()) ? r.withheld(DueRecord.Withheld.PROPOSED) : r;
			})
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
		var id = UUID.randomUUID();
		var now = time.now();
		var number = dispositions.nextRegisterNumber(time.today().getYear());
		dispositions.add(id, number, YearMonth.from(time.today()).toString(), person.id(), now, records);
		events.publishEvent(new RetentionEvents.DispositionProposed(id, number, records.size(), person.id()));
		return require(id);
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
	 * destroyed in every copy the store allows, and a tombstone once no copy holds them. A store that refuses
	 * (Object Lock retention not yet ended) leaves the record as it is, the refusal on the register; carrying out
	 * again later tries again.
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
		d.items().forEach(i -> byRecord.computeIfAbsent(i.record(), r -> new ArrayList<>()).add(i));
		var destroyedBlobs = 0;
		var refusedBlobs = 0;
		for (var entry : byRecord.entrySet()) {
			var counts = each.execute(tx -> destroyRecord(d, entry.getKey(), entry.getValue(), person.id()));
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

	/** @return blobs destroyed and blobs a store refused, for this record. */
	private int[] destroyRecord(Disposition d, RecordRef record, List<Disposition.Item> items, StaffId actor) {
		if (tombstones.destroyed(record).isPresent()) {
			return new int[] { 0, 0 };
		}
		var caseId = items.get(0).caseId();
		if (holds.held(record, caseId) || longTerm.keptLongTerm(record, caseId)) {
			// a hold or a mark placed after the approval still stops it (ART-16, ART-17)
			items.forEach(i -> dispositions.outcome(d.id(), i.position(), "WITHHELD", null,
					holds.held(record, caseId) ? "hold in force" : "long-term mark approved", null));
			return new int[] { 0, 0 };
		}
		if (caseId != null && archives.archived(caseId)) {
			// archived after the approval: its archival package holds a copy a disposition cannot destroy yet
			items.forEach(i -> dispositions.outcome(d.id(), i.position(), "WITHHELD", null,
					"case file archived: its archival package holds a copy", null));
			return new int[] { 0, 0 };
		}
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
		if (refused == 0) {
			tombstones.add(record, d, now, actor);
			events.publishEvent(new RecordDestroyed(record, d.id(), d.registerNumber(), d.decidedBy(), actor, now));
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
