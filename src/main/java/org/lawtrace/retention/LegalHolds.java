package org.lawtrace.retention;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.NotPermitted;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.Text;
import org.lawtrace.staff.Role;
import org.lawtrace.staff.StaffDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds for reconsideration, litigation and petitions (复议/诉讼/信访 冻结): legal affairs places one on a case or a
 * record with a reason, and releases it only with a reason; while in force nothing it covers is disposed of
 * (ART-16, ART-18). Every step is logged.
 */
@Service
public class LegalHolds {

	private final Holds holds;
	private final Subjects subjects;
	private final StaffDirectory staff;
	private final BureauTime time;
	private final ApplicationEventPublisher events;

	LegalHolds(Holds holds, Subjects subjects, StaffDirectory staff, BureauTime time, ApplicationEventPublisher events) {
		this.holds = holds;
		this.subjects = subjects;
		this.staff = staff;
		this.time = time;
		this.events = events;
	}

	/** @throws NotPermitted unless {@code actor} is legal affairs. */
	@Transactional
	public Hold place(Subject subject, HoldKind kind, @Nullable String reason, String actor) {
		var person = staff.require(actor);
		if (!person.holds(Role.LEGAL_AFFAIRS)) {
			throw new NotPermitted("只有法制机构可以冻结 (only legal affairs places holds)");
		}
		var why = Text.required("reason", reason, 1000, "请说明冻结理由 (the reason is required)");
		var found = subjects.find(subject);
		var hold = new Hold(UUID.randomUUID(), subject, found.inCase() == null ? null : found.inCase().id(), kind, why,
				person.id(), time.now(), null, null, null);
		holds.add(hold);
		events.publishEvent(new RetentionEvents.HoldPlaced(hold.id(), subject, kind, person.id()));
		return hold;
	}

	/** @throws org.lawtrace.shared.InvalidInput on {@code reason} when none is given. */
	@Transactional
	public Hold release(UUID holdId, @Nullable String reason, String actor) {
		var person = staff.require(actor);
		if (!person.holds(Role.LEGAL_AFFAIRS)) {
			throw new NotPermitted("只有法制机构可以解除冻结 (only legal affairs releases holds)");
		}
		var why = Text.required("reason", reason, 1000, "请说明解除理由 (the reason is required)");
		var hold = holds.byId(holdId).orElseThrow(() -> new NotFound("hold", holdId));
		var released = hold.release(person.id(), time.now(), why);
		if (!holds.release(released)) {
			throw new org.lawtrace.shared.Conflict("status", "该冻结已解除 (released meanwhile)");
		}
		events.publishEvent(new RetentionEvents.HoldReleased(hold.id(), hold.subject(), person.id()));
		return released;
	}

	@Transactional(readOnly = true)
	public List<Hold> all() {
		return holds.all();
	}

	@Transactional(readOnly = true)
	public List<Hold> inForce() {
		return holds.inForce();
	}

	/** Whether a hold in force covers a record: on it, or on its case. */
	@Transactional(readOnly = true)
	public boolean held(RecordRef record, @Nullable CaseId caseId) {
		return holds.inForce().stream().anyMatch(h -> covers(h, record, caseId));
	}

	static boolean covers(Hold h, RecordRef record, @Nullable CaseId caseId) {
		return h.subject().equals(Subject.of(record))
				|| caseId != null && h.subject().equals(Subject.ofCase(caseId.id()));
	}
}
