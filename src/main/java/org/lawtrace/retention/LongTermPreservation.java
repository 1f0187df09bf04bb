package org.lawtrace.retention;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.NotPermitted;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.Text;
import org.lawtrace.staff.Role;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Long-term preservation (长期保存, ART-17): a handler of the case or the custodian marks a case or a record with one
 * of the four situations; the deputy director in charge of the case's unit, or the director, approves or refuses.
 * Approved marks are what the disposition list leaves out forever, and what other code (the optical-disc register)
 * asks for through {@link #approvedSubjects()} and {@link #keptLongTerm}.
 */
@Service
public class LongTermPreservation {

	private final LongTermMarks marks;
	private final Subjects subjects;
	private final StaffDirectory staff;
	private final BureauTime time;
	private final ApplicationEventPublisher events;

	LongTermPreservation(LongTermMarks marks, Subjects subjects, StaffDirectory staff, BureauTime time,
			ApplicationEventPublisher events) {
		this.marks = marks;
		this.subjects = subjects;
		this.staff = staff;
		this.time = time;
		this.events = events;
	}

	/**
	 * Asks for a long-term mark.
	 *
	 * @throws InvalidInput on {@code reason} when the situation is {@link Situation#OTHER} and no reason is given.
	 * @throws NotPermitted when {@code actor} neither handles the case nor is the custodian.
	 */
	@Transactional
	public LongTermMark request(Subject subject, Situation situation, @Nullable String reason, String actor) {
		var person = staff.require(actor);
		var found = subjects.find(subject);
		var why = situation == Situation.OTHER
				? Text.required("reason", reason, 1000, "其他重要情形须说明理由 (the reason is required for other important situations)")
				: Text.optional("reason", reason, 1000);
		var handler = found.inCase() != null && found.inCase().handledBy(person.id());
		if (!handler && !person.holds(Role.CUSTODIAN)) {
			throw new NotPermitted("只有承办人或档案管理人员可以申请长期保存 (only the case's handlers or the custodian)");
		}
		var mark = new LongTermMark(UUID.randomUUID(), subject, found.inCase() == null ? null : found.inCase().id(),
				situation, why, person.id(), time.now(), LongTermMark.Status.REQUESTED, null, null, null);
		marks.add(mark);
		events.publishEvent(new RetentionEvents.LongTermMarkRequested(mark.id(), subject, situation, person.id()));
		return mark;
	}

	/**
	 * Approves or refuses a mark.
	 *
	 * @throws NotPermitted when {@code actor} is neither the deputy director in charge of the unit nor the director;
	 *         the attempt is logged.
	 */
	@Transactional
	public LongTermMark decide(UUID markId, boolean approve, @Nullable String note, String actor) {
		var mark = marks.byId(markId).orElseThrow(() -> new NotFound("long-term mark", markId));
		var person = staff.require(actor);
		if (!decides(mark, person)) {
			events.publishEvent(new RetentionEvents.RetentionStepRefused("LONG_TERM_MARK_DECISION",
					mark.subject().type().name(), mark.subject().id().toString(), person.id(),
					"not the deputy director in charge nor the director"));
			throw new NotPermitted("只有分管副局长或局长可以审批 (only the deputy director in charge or the director)");
		}
		var decided = mark.decide(approve, person.id(), time.now(), Text.optional("note", note, 500));
		if (!marks.decide(decided)) {
			throw new org.lawtrace.shared.Conflict("status", "该申请已被处理 (decided meanwhile)");
		}
		events.publishEvent(new RetentionEvents.LongTermMarkDecided(mark.id(), mark.subject(), approve, person.id()));
		return decided;
	}

	/** Whether {@code username} decides this mark: the deputy director in charge of its unit, or the director. */
	@Transactional(readOnly = true)
	public boolean mayDecide(LongTermMark mark, String username) {
		return staff.byUsername(username).filter(p -> decides(mark, p)).isPresent();
	}

	/** The marks waiting for {@code username}'s decision, the oldest first. */
	@Transactional(readOnly = true)
	public List<LongTermMark> waitingFor(String username) {
		var person = staff.byUsername(username);
		if (person.isEmpty()) {
			return List.of();
		}
		return marks.pending().stream().filter(m -> decides(m, person.get())).toList();
	}

	@Transactional(readOnly = true)
	public List<LongTermMark> all() {
		return marks.all();
	}

	/** The subjects with an approved long-term mark: never disposed of, and written to optical disc (ART-17). */
	@Transactional(readOnly = true)
	public Set<Subject> approvedSubjects() {
		return marks.approved().stream().map(LongTermMark::subject).collect(Collectors.toSet());
	}

	/** Whether a record is kept long-term: it or its case carries an approved mark. */
	@Transactional(readOnly = true)
	public boolean keptLongTerm(RecordRef record, org.lawtrace.shared.@Nullable CaseId caseId) {
		var approved = approvedSubjects();
		return approved.contains(Subject.of(record)) || caseId != null && approved.contains(Subject.ofCase(caseId.id()));
	}

	private boolean decides(LongTermMark mark, StaffMember person) {
		if (person.holds(Role.DIRECTOR)) {
			return true;
		}
		if (!person.holds(Role.DEPUTY_DIRECTOR)) {
			return false;
		}
		var found = subjects.find(mark.subject());
		return found.unit() != null
				&& staff.deputiesInChargeOf(found.unit()).stream().anyMatch(d -> d.id().equals(person.id()));
	}
}
