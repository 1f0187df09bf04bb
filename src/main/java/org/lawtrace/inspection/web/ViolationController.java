package org.lawtrace.inspection.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.inspection.InspectionScans;
import org.lawtrace.inspection.NewViolation;
import org.lawtrace.inspection.RulingInput;
import org.lawtrace.inspection.Sanction;
import org.lawtrace.inspection.Signal;
import org.lawtrace.inspection.SignalState;
import org.lawtrace.inspection.Violation;
import org.lawtrace.inspection.ViolationRegister;
import org.lawtrace.inspection.ViolationSignals;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.StaffId;
import org.lawtrace.staff.Permissions;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Violation signals and the violation register over REST (ART-22): the discipline unit's queue and register, the
 * director's decision, and each officer's own violations with his defence.
 */
@RestController
@RequestMapping("/api/v1/inspection")
class ViolationController {

	private static final int LISTED = 500;

	private final ViolationSignals signals;
	private final ViolationRegister register;
	private final InspectionScans scans;
	private final StaffDirectory staff;
	private final BureauTime time;

	ViolationController(ViolationSignals signals, ViolationRegister register, InspectionScans scans,
			StaffDirectory staff, BureauTime time) {
		this.signals = signals;
		this.register = register;
		this.scans = scans;
		this.staff = staff;
		this.time = time;
	}

	/** The queue of violation signals, newest first; optionally of one state. */
	@GetMapping("/signals")
	@Permissions.SeeViolationSignals
	List<SignalView> signals(@RequestParam(required = false) @Nullable SignalState state) {
		return signals.queue(state, LISTED).stream().map(this::view).toList();
	}

	/** 不予处理: dismisses a pending signal with the reason. */
	@PostMapping("/signals/{id}/dismissal")
	@Permissions.TriageSignals
	SignalView dismiss(@PathVariable UUID id, @RequestBody Reason body, Authentication caller) {
		return view(signals.dismiss(id, body.reason(), caller.getName()));
	}

	/** Runs the scans now (overdue missing recordings, ART-22 (1)); they also run on a schedule. */
	@PostMapping("/signals/scan")
	@Permissions.TriageSignals
	ScanResult scan() {
		return new ScanResult(scans.scan());
	}

	/**
	 * The violation register (ART-22), newest first: each violation with its officers and their defences, its sources,
	 * the discipline unit's proposal and the director's decision.
	 */
	@GetMapping("/violations")
	@Permissions.SeeViolations
	List<ViolationView> violations() {
		return register.all(LISTED).stream().map(this::view).toList();
	}

	/**
	 * Registers a violation (ART-22): the officers it names, the item of ART-22, its sources (spot check, signal,
	 * complaint, compliance finding) and the facts; the officers see it on their own page and may state a defence.
	 */
	@PostMapping("/violations")
	@Permissions.RegisterViolations
	@ResponseStatus(HttpStatus.CREATED)
	ViolationView registerViolation(@RequestBody NewViolation body, Authentication caller) {
		return view(register.register(body, caller.getName()));
	}

	/** One violation of the register (ART-22) with its officers' defences, its sources, proposal and decision. */
	@GetMapping("/violations/{id}")
	@Permissions.SeeViolations
	ViolationView violation(@PathVariable UUID id) {
		return view(register.require(id));
	}

	/** 陈述申辩: an officer named states his defence. */
	@PostMapping("/violations/{id}/defence")
	@Permissions.SeeOwnViolations
	ViolationView defend(@PathVariable UUID id, @RequestBody Defence body, Authentication caller) {
		return view(register.defend(id, body.defence(), caller.getName()));
	}

	/** The discipline unit's proposal of a sanction. */
	@PostMapping("/violations/{id}/proposal")
	@Permissions.RegisterViolations
	ViolationView propose(@PathVariable UUID id, @RequestBody RulingInput body, Authentication caller) {
		return view(register.propose(id, body, caller.getName()));
	}

	/** The director's decision of the sanction. */
	@PostMapping("/violations/{id}/decision")
	@Permissions.DecideSanctions
	ViolationView decide(@PathVariable UUID id, @RequestBody RulingInput body, Authentication caller) {
		return view(register.decide(id, body, caller.getName()));
	}

	/** The violations naming the caller: what he is told, and may answer. */
	@GetMapping("/mine/violations")
	@Permissions.SeeOwnViolations
	List<ViolationView> mine(Authentication caller) {
		return register.naming(caller.getName()).stream().map(this::view).toList();
	}

	record Reason(@Nullable String reason) {
	}

	record Defence(@Nullable String defence) {
	}

	record ScanResult(int raised) {
	}

	record PersonRef(String username, String name) {
	}

	record SignalView(UUID id, String kind, int item, String kindName, String state, @Nullable PersonRef person,
			@Nullable String subjectType, @Nullable String subjectId, String facts, OffsetDateTime occurredAt,
			OffsetDateTime raisedAt, @Nullable PersonRef triagedBy, @Nullable OffsetDateTime triagedAt,
			@Nullable String triageNote, @Nullable UUID violationId) {
	}

	record OfficerView(PersonRef officer, @Nullable String defence, @Nullable OffsetDateTime defendedAt) {
	}

	record RulingView(Sanction sanction, String sanctionName, @Nullable LocalDate suspensionFrom,
			@Nullable LocalDate suspensionTo, @Nullable String leaders, @Nullable String reason, PersonRef by,
			OffsetDateTime at) {
	}

	record ViolationView(UUID id, int item, String facts, List<OfficerView> officers, List<Violation.Source> sources,
			PersonRef registeredBy, OffsetDateTime registeredAt, String state, @Nullable RulingView proposal,
			@Nullable RulingView decision) {
	}

	private SignalView view(Signal s) {
		return new SignalView(s.id(), s.kind().name(), s.kind().item(), s.kind().chineseName(), s.state().name(),
				person(s.staff()), s.subjectType(), s.subjectId(), s.facts(), time.local(s.occurredAt()),
				time.local(s.raisedAt()), person(s.triagedBy()), s.triagedAt() == null ? null : time.local(s.triagedAt()),
				s.triageNote(), s.violationId());
	}

	private ViolationView view(Violation v) {
		return new ViolationView(v.id(), v.item(), v.facts(),
				v.officers().stream().map(o -> new OfficerView(person(o.staff()), o.defence(),
						o.defendedAt() == null ? null : time.local(o.defendedAt()))).toList(),
				v.sources(), person(v.registeredBy()), time.local(v.registeredAt()), v.state().name(),
				ruling(v.proposal()), ruling(v.decision()));
	}

	private @Nullable RulingView ruling(Violation.@Nullable Ruling r) {
		return r == null ? null : new RulingView(r.sanction(), r.sanction().chineseName(), r.suspensionFrom(),
				r.suspensionTo(), r.leaders(), r.reason(), person(r.by()), time.local(r.at()));
	}

	private @Nullable PersonRef person(@Nullable StaffId id) {
		if (id == null) {
			return null;
		}
		return staff.byId(id).map(m -> new PersonRef(m.username(), m.name())).orElse(new PersonRef("", ""));
	}
}
