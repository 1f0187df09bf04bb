package org.lawtrace.retention.web;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.cases.CaseQuery;
import org.lawtrace.retention.Disposal;
import org.lawtrace.retention.Disposition;
import org.lawtrace.retention.DueRecord;
import org.lawtrace.retention.Hold;
import org.lawtrace.retention.HoldKind;
import org.lawtrace.retention.LegalHolds;
import org.lawtrace.retention.LongTermMark;
import org.lawtrace.retention.LongTermPreservation;
import org.lawtrace.retention.Situation;
import org.lawtrace.retention.Subject;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.DomainException;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.web.PageActions;
import org.lawtrace.shared.web.PageText;
import org.lawtrace.staff.Permission;
import org.lawtrace.staff.Permissions;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The retention pages (ART-16, ART-17): long-term marks asked and decided, holds placed and released, the month's
 * disposition list, each disposition with its appraisals, the director's approval, carrying it out and its register;
 * and the home page's panel of what waits for the person signed in. People by name, times in the bureau's zone, no
 * ids or codes on the page.
 */
@Controller
class RetentionPagesController {

	private final LongTermPreservation longTerm;
	private final LegalHolds holds;
	private final Disposal disposal;
	private final CaseManagement cases;
	private final StaffDirectory staff;
	private final BureauTime time;

	RetentionPagesController(LongTermPreservation longTerm, LegalHolds holds, Disposal disposal, CaseManagement cases,
			StaffDirectory staff, BureauTime time) {
		this.longTerm = longTerm;
		this.holds = holds;
		this.disposal = disposal;
		this.cases = cases;
		this.staff = staff;
		this.time = time;
	}

	/** Long-term marks: the form to ask for one (by case number) and every mark with its decision. */
	@GetMapping("/retention/long-term")
	@Permissions.SeeLongTermMarks
	String longTerm(Authentication caller, Model model) {
		var all = Permission.SEE_DISPOSITIONS.grantedTo(caller) || Permission.DECIDE_LONG_TERM.grantedTo(caller);
		var me = staff.require(caller.getName());
		model.addAttribute("marks", longTerm.all().stream().filter(m -> all || m.requestedBy().equals(me.id()))
			.map(m -> markRow(m, caller.getName())).toList());
		model.addAttribute("situations", Situation.values());
		return "retention/long-term";
	}

	@PostMapping("/retention/long-term")
	@Permissions.MarkLongTerm
	String requestMark(@RequestParam(required = false) @Nullable String caseNumber,
			@RequestParam(required = false) @Nullable Situation situation,
			@RequestParam(required = false) @Nullable String reason, Authentication caller,
			RedirectAttributes redirect) {
		PageActions.attempt(redirect, "retention.mark.requested", () -> {
			if (situation == null) {
				throw new InvalidInput("situation", "请选择情形 (choose the situation)");
			}
			longTerm.request(caseSubject(caseNumber), situation, reason, caller.getName());
		});
		return "redirect:/retention/long-term";
	}

	@PostMapping("/retention/long-term/{id}/decision")
	@Permissions.DecideLongTerm
	String decideMark(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean approve,
			@RequestParam(required = false) @Nullable String note, @RequestParam(required = false) @Nullable String back,
			Authentication caller, RedirectAttributes redirect) {
		PageActions.attempt(redirect, approve ? "retention.mark.approved" : "retention.mark.refused",
				() -> longTerm.decide(id, approve, note, caller.getName()));
		return "home".equals(back) ? "redirect:/#retention-waiting" : "redirect:/retention/long-term";
	}

	/** Holds: the form to place one (legal affairs) and every hold, in force first. */
	@GetMapping("/retention/holds")
	@Permissions.SeeDispositions
	String holds(Model model) {
		model.addAttribute("holds", holds.all().stream()
			.sorted(java.util.Comparator.comparing((Hold h) -> !h.inForce()))
			.map(this::holdRow).toList());
		model.addAttribute("kinds", HoldKind.values());
		return "retention/holds";
	}

	@PostMapping("/retention/holds")
	@Permissions.PlaceHolds
	String placeHold(@RequestParam(required = false) @Nullable String caseNumber,
			@RequestParam(required = false) @Nullable HoldKind kind, @RequestParam(required = false) @Nullable String reason,
			Authentication caller, RedirectAttributes redirect) {
		PageActions.attempt(redirect, "retention.hold.placed", () -> {
			if (kind == null) {
				throw new InvalidInput("kind", "请选择冻结事由 (choose the kind of proceedings)");
			}
			holds.place(caseSubject(caseNumber), kind, reason, caller.getName());
		});
		return "redirect:/retention/holds";
	}

	@PostMapping("/retention/holds/{id}/release")
	@Permissions.PlaceHolds
	String releaseHold(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
			Authentication caller, RedirectAttributes redirect) {
		PageActions.attempt(redirect, "retention.hold.released", () -> holds.release(id, reason, caller.getName()));
		return "redirect:/retention/holds";
	}

	/** The month's disposition list (到期清单) and the dispositions made. */
	@GetMapping("/retention/disposition")
	@Permissions.SeeDispositions
	String disposition(Model model) {
		var due = disposal.dueList();
		model.addAttribute("month", YearMonth.from(time.today()).toString());
		model.addAttribute("due", due.stream().map(DueRow::of).toList());
		model.addAttribute("disposable", due.stream().filter(DueRecord::disposable).count());
		model.addAttribute("dispositions", disposal.all().stream().map(this::dispositionRow).toList());
		return "retention/disposition";
	}

	/** The custodian proposes a disposition of every record on the list that may be disposed of now. */
	@PostMapping("/retention/dispositions")
	@Permissions.AppraiseDispositions
	String propose(@RequestParam(defaultValue = "false") boolean confirm, Authentication caller,
			RedirectAttributes redirect) {
		try {
			if (!confirm) {
				throw new InvalidInput("confirm", "请确认提出销毁 (confirm the proposal)");
			}
			var chosen = disposal.dueList().stream().filter(DueRecord::disposable).map(DueRecord::record).toList();
			if (chosen.isEmpty()) {
				throw new org.lawtrace.shared.Conflict("records", "本月没有到期可销毁的记录 (nothing is due for disposition)");
			}
			var d = disposal.propose(chosen, caller.getName());
			return "redirect:/retention/dispositions/" + d.id();
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("error", PageText.forPage(e.getMessage()));
			return "redirect:/retention/disposition";
		}
	}

	/** One disposition: its items, appraisals, the director's decision, carrying it out, and its register. */
	@GetMapping("/retention/dispositions/{id}")
	@Permissions.SeeDispositions
	String dispositionPage(@PathVariable UUID id, Authentication caller, Model model) {
		var d = disposal.require(id);
		var me = staff.require(caller.getName());
		model.addAttribute("d", dispositionRow(d));
		model.addAttribute("items", d.items().stream().map(ItemRow::of).toList());
		model.addAttribute("appraisals", d.appraisals().stream()
			.map(a -> new AppraisalRow(a.role(), a.agrees(), a.opinion(), name(a.givenBy()), local(a.givenAt())))
			.toList());
		var proposed = d.status() == Disposition.Status.PROPOSED;
		model.addAttribute("mayAppraiseAsCustodian", proposed && me.holds(org.lawtrace.staff.Role.CUSTODIAN)
				&& !d.appraisedBy(Disposition.AppraiserRole.CUSTODIAN));
		model.addAttribute("mayAppraiseAsLegal", proposed && me.holds(org.lawtrace.staff.Role.LEGAL_AFFAIRS)
				&& !d.appraisedBy(Disposition.AppraiserRole.LEGAL_AFFAIRS));
		model.addAttribute("mayDecide", proposed && Permission.APPROVE_DISPOSITIONS.grantedTo(caller));
		model.addAttribute("readyToDecide", d.appraisedInFavour());
		model.addAttribute("mayCarryOut", d.status() == Disposition.Status.APPROVED
				&& me.holds(org.lawtrace.staff.Role.CUSTODIAN));
		return "retention/disposition-detail";
	}

	@PostMapping("/retention/dispositions/{id}/appraisals")
	@Permissions.AppraiseDispositions
	String appraise(@PathVariable UUID id, @RequestParam(required = false) Disposition.@Nullable AppraiserRole role,
			@RequestParam(defaultValue = "false") boolean agrees, @RequestParam(required = false) @Nullable String opinion,
			Authentication caller, RedirectAttributes redirect) {
		return act(id, redirect, "retention.disposition.appraised",
				() -> disposal.appraise(id, role, agrees, opinion, caller.getName()));
	}

	@PostMapping("/retention/dispositions/{id}/decision")
	@Permissions.ApproveDispositions
	String decide(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean approve,
			@RequestParam(required = false) @Nullable String note, Authentication caller, RedirectAttributes redirect) {
		return act(id, redirect, approve ? "retention.disposition.approved" : "retention.disposition.refused",
				() -> disposal.decide(id, approve, note, caller.getName()));
	}

	@PostMapping("/retention/dispositions/{id}/destruction")
	@Permissions.AppraiseDispositions
	String carryOut(@PathVariable UUID id, Authentication caller, RedirectAttributes redirect) {
		return act(id, redirect, "retention.disposition.carriedOut", () -> disposal.carryOut(id, caller.getName()));
	}

	/** The home page's panel: marks and dispositions waiting for the person signed in. */
	@GetMapping("/retention/fragments/waiting")
	@Permissions.SeeLongTermMarks
	String waiting(Authentication caller, Model model) {
		model.addAttribute("marks", longTerm.waitingFor(caller.getName()).stream()
			.map(m -> markRow(m, caller.getName())).toList());
		model.addAttribute("dispositions", disposal.waitingFor(caller.getName()).stream().map(this::dispositionRow)
			.toList());
		return "retention/long-term :: waiting";
	}

	private String act(UUID id, RedirectAttributes redirect, String done, Runnable action) {
		PageActions.attempt(redirect, done, action);
		return "redirect:/retention/dispositions/" + id;
	}

	/** A case by its number (案号), as a person types it. */
	private Subject caseSubject(@Nullable String caseNumber) {
		if (caseNumber == null || caseNumber.isBlank()) {
			throw new InvalidInput("caseNumber", "请填写案号 (the case number is required)");
		}
		var number = caseNumber.strip();
		var found = cases.search(new CaseQuery(number, null, null, null, null, null, null, 0, CaseQuery.MAX_PAGE_SIZE))
			.items().stream().filter(c -> c.caseNumber().value().equals(number)).findFirst()
			.orElseThrow(() -> new InvalidInput("caseNumber", "没有此案号的案件 (no case has this number)"));
		return Subject.ofCase(found.id().id());
	}

	private String subjectLabel(Subject subject, org.lawtrace.shared.@Nullable CaseId caseId) {
		if (caseId != null) {
			return cases.require(caseId).caseNumber().value();
		}
		return "";
	}

	private MarkRow markRow(LongTermMark m, String viewer) {
		return new MarkRow(m.id(), m.subject().type(), subjectLabel(m.subject(), m.caseId()), m.situation(), m.reason(),
				name(m.requestedBy()), local(m.requestedAt()), m.status(), name(m.decidedBy()),
				m.decidedAt() == null ? null : local(m.decidedAt()), m.decisionNote(),
				m.pending() && longTerm.mayDecide(m, viewer));
	}

	private HoldRow holdRow(Hold h) {
		return new HoldRow(h.id(), h.subject().type(), subjectLabel(h.subject(), h.caseId()), h.kind(), h.reason(),
				name(h.placedBy()), local(h.placedAt()), h.inForce(), name(h.releasedBy()),
				h.releasedAt() == null ? null : local(h.releasedAt()), h.releaseReason());
	}

	private DispositionRow dispositionRow(Disposition d) {
		return new DispositionRow(d.id(), d.registerNumber(), d.dueMonth(), d.records(), d.items().size(), d.status(),
				name(d.proposedBy()), local(d.proposedAt()), name(d.decidedBy()),
				d.decidedAt() == null ? null : local(d.decidedAt()), d.decisionNote(), name(d.carriedOutBy()),
				d.carriedOutAt() == null ? null : local(d.carriedOutAt()));
	}

	private String name(@Nullable StaffId id) {
		return id == null ? "" : staff.byId(id).map(StaffMember::name).orElse("");
	}

	private LocalDateTime local(java.time.Instant at) {
		return time.local(at).toLocalDateTime().withNano(0);
	}

	record MarkRow(UUID id, Subject.Type subjectType, String caseNumber, Situation situation, @Nullable String reason,
			String requestedByName, LocalDateTime requestedAt, LongTermMark.Status status, String decidedByName,
			@Nullable LocalDateTime decidedAt, @Nullable String note, boolean mayDecide) {
	}

	record HoldRow(UUID id, Subject.Type subjectType, String caseNumber, HoldKind kind, String reason,
			String placedByName, LocalDateTime placedAt, boolean inForce, String releasedByName,
			@Nullable LocalDateTime releasedAt, @Nullable String releaseReason) {
	}

	record DueRow(boolean recording, @Nullable String caseNumber, String title, String periodName,
			java.time.LocalDate cutOff, java.time.LocalDate dueOn, int files, DueRecord.@Nullable Withheld withheld) {

		static DueRow of(DueRecord r) {
			return new DueRow(r.record().kind() == org.lawtrace.shared.RecordRef.Kind.RECORDING, r.caseNumber(), r.title(),
					r.period().chinese(), r.cutOff(), r.dueOn(), r.blobs().size(), r.withheld());
		}
	}

	record DispositionRow(UUID id, String registerNumber, String dueMonth, long records, int files,
			Disposition.Status status, String proposedByName, LocalDateTime proposedAt, String decidedByName,
			@Nullable LocalDateTime decidedAt, @Nullable String note, String carriedOutByName,
			@Nullable LocalDateTime carriedOutAt) {
	}

	record ItemRow(int position, boolean recording, boolean archival, @Nullable String caseNumber, String title, String periodName,
			java.time.LocalDate dueOn, String blobRole, String sha256, @Nullable String sm3, long sizeBytes,
			@Nullable String primaryOutcome, @Nullable String replicaOutcome) {

		static ItemRow of(Disposition.Item i) {
			return new ItemRow(i.position(), i.ofRecording(), i.archival(),
					i.caseNumber(), i.title(), org.lawtrace.retention.RetentionPeriod.parse(i.period()).chinese(), i.dueOn(),
					i.blobRole(), i.digest().sha256(), i.digest().sm3(), i.digest().sizeBytes(), i.primaryOutcome(),
					i.replicaOutcome());
		}
	}

	record AppraisalRow(Disposition.AppraiserRole role, boolean agrees, String opinion, String givenByName,
			LocalDateTime givenAt) {
	}
}
