package org.lawtrace.inspection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.inspection.ViolationEvents.DefenceStated;
import org.lawtrace.inspection.ViolationEvents.SanctionDecided;
import org.lawtrace.inspection.ViolationEvents.SanctionProposed;
import org.lawtrace.inspection.ViolationEvents.ViolationRegistered;
import org.lawtrace.inspection.ViolationEvents.ViolationStepRefused;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.NotPermitted;
import org.lawtrace.shared.StaffId;
import org.lawtrace.staff.Permission;
import org.lawtrace.staff.StaffAdministration;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The violation register (ART-22): the discipline unit registers a violation and the officers named are told; each
 * may state a defence (陈述申辩) until it is decided; the discipline unit proposes the sanction and the director alone
 * decides it, with the accountability of leaders where decided. A suspension from duty decided is recorded in the
 * staff directory, so the officer is not qualified for its days (ART-08). Every step is logged, refusals at once.
 */
@Service
@Transactional
public class ViolationRegister {

	private final Violations violations;
	private final ViolationSignals signals;
	private final StaffDirectory staff;
	private final StaffAdministration administration;
	private final BureauTime time;
	private final ApplicationEventPublisher events;

	ViolationRegister(Violations violations, ViolationSignals signals, StaffDirectory staff,
			StaffAdministration administration, BureauTime time, ApplicationEventPublisher events) {
		this.violations = violations;
		this.signals = signals;
		this.staff = staff;
		this.administration = administration;
		this.time = time;
		this.events = events;
	}

	/** The discipline unit registers a violation; signals it names are marked 已立案. */
	public Violation register(NewViolation command, String actor) {
		var registrar = allowed(actor, Permission.REGISTER_VIOLATIONS, "VIOLATION_REGISTER", "-",
				"只有执纪机构可以登记违规 (only the discipline unit registers violations)");
		var officers = officers(command.officers());
		var item = command.item();
		if (item == null || item < 1 || item > 6) {
			throw new InvalidInput("item", "请选择第二十二条所列情形（一）至（六） (item must be 1 to 6 of ART-22)");
		}
		var facts = required("facts", command.facts(), 4000, "请写明违规事实 (state the facts)");
		var sources = command.sources() == null ? List.<Violation.Source>of() : command.sources();
		if (sources.isEmpty()) {
			throw new InvalidInput("sources", "请至少列明一项来源 (name at least one source)");
		}
		for (var i = 0; i < sources.size(); i++) {
			var s = sources.get(i);
			if (s == null || s.kind() == null) {
				throw new InvalidInput("sources[" + i + "].kind", "请选择来源类型 (source kind is required)");
			}
			if (s.kind() == Violation.SourceKind.SIGNAL) {
				signalOf(i, s);
			}
		}
		var violation = new Violation(UUID.randomUUID(), item, facts,
				officers.stream().map(m -> new Violation.Officer(m.id(), null, null)).toList(), sources, registrar.id(),
				time.now(), Violation.State.NOTIFIED, null, null);
		violations.add(violation);
		for (var i = 0; i < sources.size(); i++) {
			if (sources.get(i).kind() == Violation.SourceKind.SIGNAL) {
				signals.registered(signalOf(i, sources.get(i)).id(), violation.id(), registrar.id());
			}
		}
		events.publishEvent(new ViolationRegistered(violation.id(), item,
				officers.stream().map(StaffMember::id).toList(), registrar.id()));
		return violation;
	}

	/** 陈述申辩: an officer named states his defence, until the director decides. */
	public Violation defend(UUID id, @Nullable String defence, String actor) {
		var text = required("defence", defence, 4000, "请填写陈述申辩内容 (write the defence)");
		var v = require(id);
		var officer = staff.require(actor);
		if (!v.names(officer.id())) {
			throw refused(officer, "VIOLATION_DEFENCE", id, "只有被登记的执法人员本人可以陈述申辩 (only an officer named "
					+ "states a defence)");
		}
		if (v.state() == Violation.State.DECIDED) {
			throw new Conflict("state", "已作出处理决定，不能再陈述申辩 (the violation was decided)");
		}
		violations.defend(id, officer.id(), text, time.now());
		events.publishEvent(new DefenceStated(id, officer.id()));
		return require(id);
	}

	/** The discipline unit proposes the sanction (拟处理意见); the director decides. */
	public Violation propose(UUID id, RulingInput input, String actor) {
		var proposer = allowed(actor, Permission.REGISTER_VIOLATIONS, "SANCTION_PROPOSE", id.toString(),
				"只有执纪机构可以提出处理意见 (only the discipline unit proposes a sanction)");
		var ruling = ruling(input, proposer.id());
		var v = require(id);
		if (v.state() == Violation.State.DECIDED) {
			throw new Conflict("state", "已作出处理决定 (the violation was decided)");
		}
		if (!violations.propose(id, ruling)) {
			throw new Conflict("state", "已作出处理决定 (the violation was decided meanwhile)");
		}
		events.publishEvent(new SanctionProposed(id, ruling.sanction(), proposer.id()));
		return require(id);
	}

	/**
	 * The director decides the sanction on the discipline unit's proposal (ART-22); a suspension from duty is recorded
	 * for each officer in the staff directory (ART-08).
	 */
	public Violation decide(UUID id, RulingInput input, String actor) {
		var director = allowed(actor, Permission.DECIDE_SANCTIONS, "SANCTION_DECIDE", id.toString(),
				"只有局长可以作出处理决定 (only the director decides a sanction)");
		var ruling = ruling(input, director.id());
		var v = require(id);
		if (v.state() != Violation.State.PROPOSED) {
			throw new Conflict("state", v.state() == Violation.State.DECIDED ? "已作出处理决定 (decided already)"
					: "执纪机构尚未提出处理意见 (the discipline unit has not proposed a sanction)");
		}
		if (!violations.decide(id, ruling)) {
			throw new Conflict("state", "已作出处理决定 (the violation was decided meanwhile)");
		}
		if (ruling.sanction() == Sanction.SUSPENSION) {
			for (var officer : v.officers()) {
				administration.suspend(officer.staff(), ruling.suspensionFrom(), ruling.suspensionTo(),
						"违规处理决定（第二十二条第（" + v.item() + "）项）：" + ViolationSignals.clip(v.facts(), 300),
						director.id());
			}
		}
		events.publishEvent(new SanctionDecided(id, ruling.sanction(),
				v.officers().stream().map(Violation.Officer::staff).toList(), director.id()));
		return require(id);
	}

	@Transactional(readOnly = true)
	public Violation require(UUID id) {
		return violations.byId(id).orElseThrow(() -> new NotFound("violation", id));
	}

	@Transactional(readOnly = true)
	public List<Violation> all(int limit) {
		return violations.all(limit);
	}

	/** The violations naming this person: what he is told, and may answer (ART-22). */
	@Transactional(readOnly = true)
	public List<Violation> naming(String username) {
		return violations.naming(staff.require(username).id());
	}

	private Violation.Ruling ruling(RulingInput input, StaffId by) {
		if (input.sanction() == null) {
			throw new InvalidInput("sanction", "请选择处理方式 (choose a sanction)");
		}
		var from = input.suspensionFrom();
		var to = input.suspensionTo();
		if (input.sanction() == Sanction.SUSPENSION) {
			if (from == null) {
				throw new InvalidInput("suspensionFrom", "暂停执法资格须写明起始日期 (a suspension needs its first day)");
			}
			if (to == null || to.isBefore(from)) {
				throw new InvalidInput("suspensionTo", "暂停执法资格须写明不早于起始日期的截止日期 (a suspension needs a "
						+ "last day not before its first)");
			}
		}
		else {
			from = null;
			to = null;
		}
		return new Violation.Ruling(input.sanction(), from, to, optional(input.leaders(), 1000),
				optional(input.reason(), 2000), by, time.now());
	}

	private List<StaffMember> officers(@Nullable List<String> usernames) {
		if (usernames == null || usernames.isEmpty()) {
			throw new InvalidInput("officers", "请指定违规的执法人员 (name the officers)");
		}
		var members = new ArrayList<StaffMember>();
		for (var username : new LinkedHashSet<>(usernames)) {
			members.add(staff.byUsername(username)
				.orElseThrow(() -> new InvalidInput("officers", "人员不存在 (unknown staff): " + username)));
		}
		return members;
	}

	private Signal signalOf(int i, Violation.Source s) {
		try {
			var signal = signals.require(UUID.fromString(s.reference() == null ? "" : s.reference()));
			if (signal.state() != SignalState.PENDING) {
				throw new Conflict("sources[" + i + "].reference", "该线索已研判 (the signal was triaged already)");
			}
			return signal;
		}
		catch (IllegalArgumentException | NotFound e) {
			throw new InvalidInput("sources[" + i + "].reference", "线索不存在 (no such signal)");
		}
	}

	private StaffMember allowed(String actor, Permission permission, String action, String subject, String reason) {
		var member = staff.require(actor);
		if (!permission.grantedTo(member)) {
			throw refused(member, action, subject, reason);
		}
		return member;
	}

	private NotPermitted refused(StaffMember who, String action, Object subject, String reason) {
		events.publishEvent(new ViolationStepRefused(who.id(), action, subject.toString(), reason));
		return new NotPermitted(reason);
	}

	private static String required(String field, @Nullable String value, int max, String message) {
		if (value == null || value.isBlank()) {
			throw new InvalidInput(field, message);
		}
		if (value.strip().length() > max) {
			throw new InvalidInput(field, "不超过 " + max + " 字 (at most " + max + " characters)");
		}
		return value.strip();
	}

	private static @Nullable String optional(@Nullable String value, int max) {
		return value == null || value.isBlank() ? null : ViolationSignals.clip(value.strip(), max);
	}
}
