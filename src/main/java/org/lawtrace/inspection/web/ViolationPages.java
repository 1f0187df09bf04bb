package org.lawtrace.inspection.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.inspection.NewViolation;
import org.lawtrace.inspection.RulingInput;
import org.lawtrace.inspection.Sanction;
import org.lawtrace.inspection.Signal;
import org.lawtrace.inspection.SignalKind;
import org.lawtrace.inspection.SignalState;
import org.lawtrace.inspection.Violation;
import org.lawtrace.inspection.ViolationRegister;
import org.lawtrace.inspection.ViolationSignals;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.DomainException;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.web.PageActions;
import org.lawtrace.shared.web.PageText;
import org.lawtrace.staff.Permissions;
import org.lawtrace.staff.Role;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of the violation signals and the register (ART-22): the discipline unit's queue (违规线索), the register
 * (违规登记) with each violation's facts, sources, defences, proposal and decision, and each officer's own violations
 * with the form to state his defence (陈述申辩). People by name, times in the bureau's zone, words from the bundle.
 */
@Controller
class ViolationPages {

	private static final int LISTED = 200;

	private final ViolationSignals signals;
	private final ViolationRegister register;
	private final StaffDirectory staff;
	private final BureauTime time;

	ViolationPages(ViolationSignals signals, ViolationRegister register, StaffDirectory staff, BureauTime time) {
		this.signals = signals;
		this.register = register;
		this.staff = staff;
		this.time = time;
	}

	@GetMapping("/inspection/signals")
	@Permissions.SeeViolationSignals
	String signals(@RequestParam(required = false) @Nullable SignalState state, Model model) {
		model.addAttribute("signals", signals.queue(state == null ? SignalState.PENDING : state, LISTED).stream()
			.map(this::row).toList());
		model.addAttribute("state", state == null ? SignalState.PENDING : state);
		model.addAttribute("states", SignalState.values());
		model.addAttribute("officers", officers());
		return "inspection/signals";
	}

	@PostMapping("/inspection/signals/{id}/dismissal")
	@Permissions.TriageSignals
	String dismiss(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
			Authentication caller, RedirectAttributes redirect) {
		PageActions.attempt(redirect, "violations.signal.dismissed", () -> signals.dismiss(id, reason, caller.getName()));
		return "redirect:/inspection/signals";
	}

	@GetMapping("/inspection/violations")
	@Permissions.SeeViolations
	String violations(Model model) {
		model.addAttribute("violations", register.all(LISTED).stream().map(this::row).toList());
		model.addAttribute("officers", officers());
		return "inspection/violations";
	}

	/** Registers a violation from the register's form, or from a signal in the queue. */
	@PostMapping("/inspection/violations")
	@Permissions.RegisterViolations
	String registerViolation(@RequestParam(required = false) @Nullable List<String> officers,
			@RequestParam(required = false) @Nullable Integer item,
			@RequestParam(required = false) Violation.@Nullable SourceKind sourceKind,
			@RequestParam(required = false) @Nullable String sourceReference,
			@RequestParam(required = false) @Nullable String sourceNote,
			@RequestParam(required = false) @Nullable String facts, Authentication caller, RedirectAttributes redirect) {
		try {
			var source = new Violation.Source(sourceKind, blank(sourceReference), blank(sourceNote));
			var v = register.register(new NewViolation(officers, item, List.of(source), facts), caller.getName());
			return "redirect:/inspection/violations/" + v.id();
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("error", PageText.forPage(e.getMessage()));
			return sourceKind == Violation.SourceKind.SIGNAL ? "redirect:/inspection/signals"
					: "redirect:/inspection/violations";
		}
	}

	@GetMapping("/inspection/violations/{id}")
	@Permissions.SeeViolations
	String violation(@PathVariable UUID id, Model model) {
		model.addAttribute("v", row(register.require(id)));
		model.addAttribute("sanctions", Sanction.values());
		return "inspection/violation";
	}

	/** The proposal's or the decision's fields, as the page's one form for both sends them. */
	record RulingForm(@Nullable Sanction sanction,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate suspensionFrom,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate suspensionTo, @Nullable String leaders,
			@Nullable String reason) {

		RulingInput input() {
			return new RulingInput(sanction, suspensionFrom, suspensionTo, leaders, reason);
		}
	}

	@PostMapping("/inspection/violations/{id}/proposal")
	@Permissions.RegisterViolations
	String propose(@PathVariable UUID id, RulingForm form, Authentication caller, RedirectAttributes redirect) {
		return ruled(id, redirect, () -> register.propose(id, form.input(), caller.getName()));
	}

	@PostMapping("/inspection/violations/{id}/decision")
	@Permissions.DecideSanctions
	String decide(@PathVariable UUID id, RulingForm form, Authentication caller, RedirectAttributes redirect) {
		return ruled(id, redirect, () -> register.decide(id, form.input(), caller.getName()));
	}

	/** Proposes or decides, back to the violation's page with the refusal's reason when it is refused. */
	private static String ruled(UUID id, RedirectAttributes redirect, Runnable ruling) {
		PageActions.attempt(redirect, null, ruling);
		return "redirect:/inspection/violations/" + id;
	}

	@GetMapping("/inspection/mine/violations")
	@Permissions.SeeOwnViolations
	String mine(Authentication caller, Model model) {
		var me = staff.require(caller.getName()).id();
		model.addAttribute("violations", register.naming(caller.getName()).stream().map(this::row).toList());
		model.addAttribute("myId", me);
		return "inspection/mine-violations";
	}

	@PostMapping("/inspection/mine/violations/{id}/defence")
	@Permissions.SeeOwnViolations
	String defend(@PathVariable UUID id, @RequestParam(required = false) @Nullable String defence,
			Authentication caller, RedirectAttributes redirect) {
		PageActions.attempt(redirect, "violations.defence.stated", () -> register.defend(id, defence, caller.getName()));
		return "redirect:/inspection/mine/violations";
	}

	/** A signal as the queue shows it. */
	record SignalRow(UUID id, SignalKind kind, SignalState state, String personName, String personUsername,
			String facts, LocalDateTime occurredAt, LocalDateTime raisedAt, String triagedByName,
			@Nullable String triageNote, @Nullable String link) {
	}

	/** An officer named, with his defence. */
	record OfficerRow(StaffId staff, String name, @Nullable String defence, @Nullable LocalDateTime defendedAt) {
	}

	record RulingRow(Sanction sanction, @Nullable LocalDate suspensionFrom, @Nullable LocalDate suspensionTo,
			@Nullable String leaders, @Nullable String reason, String byName, LocalDateTime at) {
	}

	record SourceRow(Violation.SourceKind kind, @Nullable String link, @Nullable String note, @Nullable String facts) {
	}

	record ViolationRow(UUID id, int item, String facts, List<OfficerRow> officers, List<SourceRow> sources,
			String registeredByName, LocalDateTime registeredAt, Violation.State state, @Nullable RulingRow proposal,
			@Nullable RulingRow decision) {

		public String officerNames() {
			return String.join("、", officers.stream().map(OfficerRow::name).toList());
		}

		public boolean names(StaffId staff) {
			return officers.stream().anyMatch(o -> o.staff().equals(staff));
		}

		public @Nullable OfficerRow officer(StaffId staff) {
			return officers.stream().filter(o -> o.staff().equals(staff)).findFirst().orElse(null);
		}
	}

	/** A person to choose, by name; the value is his login, never shown. */
	record Choice(String username, String name) {
	}

	private List<Choice> officers() {
		return staff.all().stream().filter(m -> m.holds(Role.OFFICER) || m.holds(Role.ASSISTANT))
			.map(m -> new Choice(m.username(), m.name())).toList();
	}

	private SignalRow row(Signal s) {
		var person = s.staff() == null ? null : staff.byId(s.staff()).orElse(null);
		return new SignalRow(s.id(), s.kind(), s.state(), person == null ? "" : person.name(),
				person == null ? "" : person.username(), PageText.forPage(s.facts()), local(s.occurredAt()),
				local(s.raisedAt()), name(s.triagedBy()), s.triageNote(), link(s.subjectType(), s.subjectId()));
	}

	private ViolationRow row(Violation v) {
		return new ViolationRow(v.id(), v.item(), v.facts(),
				v.officers().stream().map(o -> new OfficerRow(o.staff(), name(o.staff()), o.defence(),
						o.defendedAt() == null ? null : local(o.defendedAt()))).toList(),
				v.sources().stream().map(this::source).toList(), name(v.registeredBy()), local(v.registeredAt()),
				v.state(), ruling(v.proposal()), ruling(v.decision()));
	}

	private SourceRow source(Violation.Source s) {
		if (s.kind() == Violation.SourceKind.SIGNAL && s.reference() != null) {
			try {
				var signal = signals.require(UUID.fromString(s.reference()));
				return new SourceRow(s.kind(), link(signal.subjectType(), signal.subjectId()), s.note(),
						PageText.forPage(signal.facts()));
			}
			catch (RuntimeException e) {
				return new SourceRow(s.kind(), null, s.note(), null);
			}
		}
		return new SourceRow(s.kind(), null, s.note(), null);
	}

	private @Nullable RulingRow ruling(Violation.@Nullable Ruling r) {
		return r == null ? null : new RulingRow(r.sanction(), r.suspensionFrom(), r.suspensionTo(), r.leaders(),
				r.reason(), name(r.by()), local(r.at()));
	}

	/** Where the record a signal names is seen; the pages themselves ask whether the reader may. */
	private static @Nullable String link(@Nullable String type, @Nullable String id) {
		if (type == null || id == null) {
			return null;
		}
		return switch (type) {
			case "RECORDING" -> "/recordings/" + id;
			case "DOCUMENT" -> "/documents/" + id;
			case "CASE" -> "/cases/" + id;
			case "DEVICE" -> "/devices";
			default -> null;
		};
	}

	private String name(@Nullable StaffId id) {
		return id == null ? "" : staff.byId(id).map(StaffMember::name).orElse("");
	}

	private LocalDateTime local(java.time.Instant instant) {
		return time.local(instant).toLocalDateTime().withNano(0);
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	static List<Integer> items() {
		return Arrays.asList(1, 2, 3, 4, 5, 6);
	}
}
