package org.lawtrace.cases;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.CaseNumber;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.DomainException;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.NotPermitted;
import org.lawtrace.shared.StageId;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;
import org.lawtrace.staff.Permission;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens, finds and closes enforcement cases and records their stages. */
@Service
@Transactional
public class CaseManagement {

	/** Clocks of phones and body cams drift; a stage a few minutes "in the future" is not an error. */
	private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(10);

	private final Cases cases;
	private final Stages stages;
	private final StaffDirectory staff;
	private final BureauTime time;
	private final ApplicationEventPublisher events;
	private final Pattern numberPattern;
	private final CaseNumbering numbering;

	CaseManagement(Cases cases, Stages stages, StaffDirectory staff, BureauTime time,
			ApplicationEventPublisher events, @Value("${lawtrace.cases.number-pattern}") String numberPattern,
			CaseNumbering numbering) {
		this.cases = cases;
		this.stages = stages;
		this.staff = staff;
		this.time = time;
		this.events = events;
		this.numberPattern = Pattern.compile(numberPattern);
		this.numbering = numbering;
	}

	/**
	 * ART-02, ART-08: opens a case handled by enough qualified officers; assistants never count. Refused with the
	 * first of {@link #problemsWith}'s reasons; nothing is stored then.
	 */
	public Case open(OpenCase command, String actor) {
		var problems = problemsWith(command);
		if (!problems.isEmpty()) {
			throw problems.get(0);
		}
		var number = new CaseNumber(command.caseNumber());
		var handlers = handlers(command.kind(), command.handlers());
		var parties = parties(command.parties());
		var unit = command.handlingUnitId() != null ? new UnitId(command.handlingUnitId()) : handlers.get(0).unitId();
		var opener = staff.require(actor);
		var opened = new Case(CaseId.random(), number, command.kind(), command.procedure(), command.title().strip(),
				unit, command.major(), Case.Status.OPEN, handlers.stream().map(StaffMember::id).toList(), parties,
				time.now(), opener.id(), null, null, null);
		try {
			cases.add(opened);
		}
		catch (DuplicateKeyException e) {
			throw new Conflict("caseNumber", "案号已存在 (case number already used): " + number);
		}
		events.publishEvent(new CaseOpened(opened.id(), number, opened.kind(), opener.id()));
		return opened;
	}

	/**
	 * Every reason {@link #open} would refuse this command for, one per field at fault, in the order of the form:
	 * a form shows them all at once rather than one per submit. The number is judged in its one spelling
	 * ({@link CaseNumber#normalised}), so {@code [2026]} and {@code 〔2026〕} are the same number.
	 */
	@Transactional(readOnly = true)
	public List<DomainException> problemsWith(OpenCase command) {
		var problems = new ArrayList<DomainException>();
		collect(problems, () -> {
			var number = new CaseNumber(command.caseNumber());
			if (!numberPattern.matcher(number.value()).matches()) {
				throw new InvalidInput("caseNumber", "案号格式不符合本局规则 (case number does not match the bureau's "
						+ "format, e.g. 东市监处〔2026〕12号): " + number);
			}
			if (cases.numberTaken(number)) {
				throw new Conflict("caseNumber", "案号已存在 (case number already used): " + number);
			}
		});
		collect(problems, () -> {
			if (command.title().isBlank() || command.title().length() > 200) {
				throw new InvalidInput("title", "案件名称必填且不超过200字 (title is required, at most 200 characters)");
			}
		});
		collect(problems, () -> {
			var handlers = handlers(command.kind(), command.handlers());
			var unit = command.handlingUnitId() != null ? new UnitId(command.handlingUnitId())
					: handlers.get(0).unitId();
			if (staff.unit(unit).isEmpty()) {
				throw new InvalidInput("handlingUnitId", "承办单位不存在 (unknown handling unit): " + unit);
			}
		});
		if (command.parties().isEmpty()) {
			problems.add(new InvalidInput("parties", "请至少填写一名当事人 (name at least one party)"));
		}
		for (var i = 0; i < command.parties().size(); i++) {
			var p = command.parties().get(i);
			var field = "parties[" + i + "]";
			if (p.kind() == null) {
				problems.add(new InvalidInput(field + ".kind", "请选择当事人类型 (party kind is required)"));
			}
			collect(problems, () -> Party.checkName(field, p.name() == null ? "" : p.name()));
			if (p.kind() != null) {
				collect(problems, () -> Party.checkedIdNumber(field, p.kind(), p.idNumber() == null ? "" : p.idNumber()));
			}
		}
		var identities = new java.util.HashSet<String>();
		for (var i = 0; i < command.parties().size(); i++) {
			var p = command.parties().get(i);
			var id = p.idNumber() == null ? "" : p.idNumber().strip().toUpperCase(java.util.Locale.ROOT);
			if (!id.isEmpty() && !identities.add(id)) {
				problems.add(new InvalidInput("parties[" + i + "].idNumber",
						"当事人重复 (the same party is listed twice): " + id));
			}
		}
		return problems;
	}

	/**
	 * ART-02: the number a new case of this kind is offered: the bureau's format ({@code lawtrace.cases.*}) with this
	 * year and the running number after the highest one used; empty when the bureau set no prefix for the kind.
	 */
	@Transactional(readOnly = true)
	public Optional<String> suggestNumber(CaseKind kind) {
		var stem = numbering.stem(kind, time.today().getYear());
		if (stem == null) {
			return Optional.empty();
		}
		var highest = cases.highestNumbers(stem.before(), stem.after(), 20).stream()
			.mapToLong(stem::runningOf).max().orElse(0);
		return Optional.of(stem.number(highest + 1));
	}

	private static void collect(List<DomainException> problems, Runnable check) {
		try {
			check.run();
		}
		catch (DomainException e) {
			problems.add(e);
		}
	}

	@Transactional(readOnly = true)
	public Case require(CaseId id) {
		return cases.byId(id).orElseThrow(() -> new NotFound("case", id));
	}

	/**
	 * Whether {@code username} may act on this case now (record stages, close it, register its documents): an
	 * officer who handles it, while it is open (ART-02, ART-06). Pages ask it to offer their forms; the actions
	 * themselves check again.
	 */
	@Transactional(readOnly = true)
	public boolean mayActOn(CaseId id, String username) {
		var c = require(id);
		return c.status() == Case.Status.OPEN && staff.byUsername(username)
			.filter(Permission.HANDLE_CASES::grantedTo)
			.filter(member -> c.handledBy(member.id()))
			.isPresent();
	}

	/** The open cases {@code handler} handles: the cases whose records they work with (ART-20). */
	@Transactional(readOnly = true)
	public List<CaseId> openCasesHandledBy(StaffId handler) {
		return cases.openHandledBy(handler);
	}

	@Transactional(readOnly = true)
	public CasePage search(CaseQuery query) {
		if (query.size() < 1 || query.size() > CaseQuery.MAX_PAGE_SIZE) {
			throw new InvalidInput("size", "每页条数应在1到" + CaseQuery.MAX_PAGE_SIZE + "之间 (size out of range)");
		}
		if (query.page() < 0) {
			throw new InvalidInput("page", "页码不能为负 (page must not be negative)");
		}
		StaffId handler = null;
		if (query.handler() != null && !query.handler().isBlank()) {
			var found = staff.byUsername(query.handler().strip());
			if (found.isEmpty()) {
				return new CasePage(List.of(), 0, query.page(), query.size());
			}
			handler = found.get().id();
		}
		return cases.search(query, handler, time.zone());
	}

	/** Closes a case; one of its handlers does it, and the day (today unless given) starts its retention. */
	public Case close(CaseId id, String actor, @Nullable LocalDate closedOn) {
		var current = require(id);
		var closer = handlerOf(current, actor);
		var day = closedOn == null ? time.today() : closedOn;
		if (day.isAfter(time.today()) || day.isBefore(LocalDate.ofInstant(current.openedAt(), time.zone()))) {
			throw new InvalidInput("closedOn", "结案日期应在立案日与今天之间 (closing day must lie between opening and today)");
		}
		var closed = current.close(closer.id(), day, time.now());
		if (!cases.close(closed)) {
			throw new Conflict("status", "案件已结案 (case was closed meanwhile)");
		}
		events.publishEvent(new CaseClosed(id, day, closer.id()));
		return closed;
	}

	/** ART-06, ART-07: a handler records a stage of an open case, with the staff who were present. */
	public Stage recordStage(CaseId caseId, RecordStage command, String actor) {
		var c = require(caseId);
		var recorder = handlerOf(c, actor);
		if (c.status() != Case.Status.OPEN) {
			throw new Conflict("status", "案件已结案，不能添加环节 (case is closed)");
		}
		if (command.startedAt().isAfter(time.now().plus(CLOCK_TOLERANCE))) {
			throw new InvalidInput("startedAt", "开始时间不能晚于当前时间 (startedAt is in the future)");
		}
		if (command.endedAt() != null && command.endedAt().isBefore(command.startedAt())) {
			throw new InvalidInput("endedAt", "结束时间不能早于开始时间 (endedAt is before startedAt)");
		}
		if (command.place() != null && command.place().length() > 200) {
			throw new InvalidInput("place", "地点不超过200字 (place is at most 200 characters)");
		}
		if (command.note() != null && command.note().length() > 1000) {
			throw new InvalidInput("note", "备注不超过1000字 (note is at most 1000 characters)");
		}
		if (command.present().isEmpty()) {
			throw new InvalidInput("present", "请填写在场执法人员 (name the staff present)");
		}
		var present = new ArrayList<StaffId>();
		for (var i = 0; i < command.present().size(); i++) {
			var username = command.present().get(i);
			var member = staff.byUsername(username)
				.orElseThrow(() -> new InvalidInput("present", "人员不存在 (unknown staff): " + username));
			if (present.contains(member.id())) {
				throw new InvalidInput("present", "人员重复 (listed twice): " + username);
			}
			present.add(member.id());
		}
		var stage = new Stage(StageId.random(), caseId, command.kind(), command.startedAt(), command.endedAt(),
				blankToNull(command.place()), present, blankToNull(command.note()), recorder.id(), time.now());
		stages.add(stage);
		events.publishEvent(new StageRecorded(caseId, stage.id(), stage.kind(), recorder.id()));
		return stage;
	}

	@Transactional(readOnly = true)
	public List<Stage> stages(CaseId caseId) {
		require(caseId);
		return stages.ofCase(caseId);
	}

	@Transactional(readOnly = true)
	public Stage stage(CaseId caseId, StageId stageId) {
		return stages.byId(caseId, stageId).orElseThrow(() -> new NotFound("stage", stageId));
	}

	private StaffMember handlerOf(Case c, String actor) {
		var member = staff.require(actor);
		if (!c.handledBy(member.id())) {
			throw new NotPermitted("只有本案承办人可以执行此操作 (only the case's handlers may do this)");
		}
		return member;
	}

	private List<StaffMember> handlers(CaseKind kind, List<String> usernames) {
		if (usernames.isEmpty()) {
			throw new InvalidInput("handlers", "请指定承办人 (name the handling officers)");
		}
		if (new LinkedHashSet<>(usernames).size() != usernames.size()) {
			throw new InvalidInput("handlers", "承办人重复 (a handler is listed twice)");
		}
		var today = time.today();
		var members = new ArrayList<StaffMember>();
		var refusals = new ArrayList<String>();
		var officers = 0;
		for (var username : usernames) {
			var member = staff.byUsername(username)
				.orElseThrow(() -> new InvalidInput("handlers", "承办人不存在 (unknown staff): " + username));
			var qualification = staff.qualificationOn(username, today);
			if (qualification.suspended()) {
				// ART-08, ART-22: a person suspended from duty is no handler at all, however many others qualify
				throw new InvalidInput("handlers", member.name() + "已被暂停执法资格，不得担任承办人（第八条）："
						+ String.join("; ", qualification.reasons()) + " (ART-08: handler suspended from duty)");
			}
			if (qualification.enforcementOfficer()) {
				officers++;
			}
			else {
				refusals.add(username + ": " + String.join("; ", qualification.reasons()));
			}
			members.add(member);
		}
		if (officers < kind.officersRequired()) {
			throw new InvalidInput("handlers", kind.chineseName() + "案件至少需要" + kind.officersRequired()
					+ "名具有执法资格的正式在编执法人员，协助人员不计入 (ART-08: needs " + kind.officersRequired()
					+ " qualified officers, found " + officers + ")" + (refusals.isEmpty() ? "" : " " + refusals));
		}
		return members;
	}

	private static List<Party> parties(List<OpenCase.PartyInput> inputs) {
		if (inputs.isEmpty()) {
			throw new InvalidInput("parties", "请至少填写一名当事人 (name at least one party)");
		}
		var parties = new ArrayList<Party>();
		for (var i = 0; i < inputs.size(); i++) {
			parties.add(party(i, inputs.get(i)));
		}
		return parties;
	}

	private static Party party(int i, OpenCase.PartyInput p) {
		if (p.kind() == null) {
			throw new InvalidInput("parties[" + i + "].kind", "请选择当事人类型 (party kind is required)");
		}
		return Party.checked("parties[" + i + "]", p.kind(), p.name() == null ? "" : p.name(),
				p.idNumber() == null ? "" : p.idNumber());
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
