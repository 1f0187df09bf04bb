package org.lawtrace.audit;

import org.lawtrace.cases.CaseClosed;
import org.lawtrace.cases.CaseOpened;
import org.lawtrace.cases.StageRecorded;
import org.lawtrace.recordings.AlterationRefused;
import org.lawtrace.recordings.RecordingContentServed;
import org.lawtrace.shared.AuditTrail;
import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes what happens to records and cases into the audit log, from the events of the modules that own them, and
 * within their own transaction where their acknowledgement promises the entry (an upload's); the chain of custody of
 * a recording or case is read back from these entries by subject.
 */
@Component
class RecordFeed implements AuditTrail {

	static final String RECORDING = "RECORDING";
	static final String CASE = "CASE";

	private final AuditLog log;
	private final StaffDirectory staff;

	RecordFeed(AuditLog log, StaffDirectory staff) {
		this.log = log;
		this.staff = staff;
	}

	/** ART-22(2): a refused deletion or replacement of an original, for the discipline unit. */
	@ApplicationModuleListener
	void on(AlterationRefused e) {
		log.append(e.attemptedBy(), "ALTERATION_ATTEMPT", RECORDING, e.recordingId(), "REFUSED",
				e.method() + " " + e.path());
	}

	/**
	 * Synchronous, since content is served outside any transaction and a viewing must not go unrecorded: one entry per
	 * viewing and window of it, with the ranges served (ART-20, ART-22).
	 */
	@EventListener
	void on(RecordingContentServed e) {
		log.append(e.viewer(), "VIEW", RECORDING, e.recordingId().toString(), "SUCCESS", e.served());
	}

	@ApplicationModuleListener
	void on(CaseOpened e) {
		log.append(username(e.openedBy()), "CASE_OPENED", CASE, e.caseId().id().toString(), "SUCCESS",
				"caseNumber=" + e.caseNumber().value() + " kind=" + e.kind());
	}

	@ApplicationModuleListener
	void on(CaseClosed e) {
		log.append(username(e.closedBy()), "CASE_CLOSED", CASE, e.caseId().id().toString(), "SUCCESS",
				"closedOn=" + e.closedOn());
	}

	@ApplicationModuleListener
	void on(StageRecorded e) {
		log.append(username(e.recordedBy()), "STAGE_RECORDED", CASE, e.caseId().id().toString(), "SUCCESS",
				"stage=" + e.stageId().id() + " kind=" + e.kind());
	}

	/**
	 * Events of modules that describe themselves for the log; logged after their transaction commits. The condition
	 * keeps {@link Audited.AtOnce} events out before the event registry stores a publication for them, so they may
	 * be published in any transaction, read-only ones included; {@link Audited.Within} events were appended by their
	 * publisher already.
	 */
	@ApplicationModuleListener(condition = "!(#e instanceof T(org.lawtrace.shared.Audited$AtOnce)) "
			+ "and !(#e instanceof T(org.lawtrace.shared.Audited$Within))")
	void on(Audited e) {
		append(e);
	}

	/** The same, for content served outside any transaction: a viewing must not go unrecorded. */
	@EventListener
	void on(Audited.AtOnce e) {
		append(e);
	}

	/** An upload's UPLOAD entry, in the upload's own transaction (ART-15.1: acknowledged means logged). */
	@Override
	public void appendWithin(Audited e) {
		log.appendWithin(e.actor() == null ? "system" : username(e.actor()), e.action(), e.subjectType(),
				e.subjectId(), e.outcome(), e.details());
	}

	private void append(Audited e) {
		log.append(e.actor() == null ? "system" : username(e.actor()), e.action(), e.subjectType(), e.subjectId(),
				e.outcome(), e.details());
	}

	private String username(StaffId id) {
		return staff.byId(id).map(StaffMember::username).orElse(id.toString());
	}
}
