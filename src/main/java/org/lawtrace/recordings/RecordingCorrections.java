package org.lawtrace.recordings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.AuditTrail;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.NotPermitted;
import org.lawtrace.shared.StageId;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.Text;
import org.lawtrace.staff.Role;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrections (更正) of what a recording records after it arrived: its recorder, its times, or its case link (taken
 * out of its case, or moved to another). Each is a request with a reason, decided by the deputy director in charge
 * of the case's handling unit, by the director for major cases (重大案件) or when no other deputy is in charge; nobody
 * decides their own. An approved one becomes a new revision made by the requester, and is the only way a closed
 * case's record set changes (ART-14). A correction never opens a recording to the person asking: who may see it
 * follows from facts nobody can edit (issue 11, ART-20).
 */
@Service
@Transactional
public class RecordingCorrections {

	private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(10);
	private static final int MAX_TEXT = 500;
	private static final int LISTED = 200;

	private final CorrectionRequests corrections;
	private final RecordingCatalog catalog;
	private final Recordings recordings;
	private final StaffDirectory staff;
	private final CaseManagement cases;
	private final BureauTime time;
	private final ApplicationEventPublisher events;
	private final DeviceCustody custody;
	private final AuditTrail trail;

	RecordingCorrections(CorrectionRequests corrections, RecordingCatalog catalog, Recordings recordings,
			StaffDirectory staff, CaseManagement cases, BureauTime time, ApplicationEventPublisher events,
			DeviceCustody custody, AuditTrail trail) {
		this.trail = trail;
		this.corrections = corrections;
		this.catalog = catalog;
		this.recordings = recordings;
		this.staff = staff;
		this.cases = cases;
		this.time = time;
		this.events = events;
		this.custody = custody;
	}

	/**
	 * Asks for a correction. Only those close to the recording ask: its uploader or recorder at ingest, a handler of
	 * its case, or a custodian (ART-13). The recording must be one the requester may see at all.
	 */
	public CorrectionRequest request(RecordingId id, NewCorrectionRequest command, String actor) {
		var recording = catalog.requireVisible(id, actor);
		var requester = staff.require(actor);
		try {
			var correction = checked(recording, command, requester);
			corrections.add(correction);
			events.publishEvent(new CorrectionRequested(correction));
			return correction;
		}
		catch (NotPermitted | Conflict e) {
			events.publishEvent(new CorrectionRefused(requester.id(), "CORRECTION_REQUESTED", id,
					String.valueOf(e.getMessage())));
			throw e;
		}
	}

	/** The decider approves: the correction becomes the recording's next revision, made by the requester. */
	public CorrectionRequest approve(CorrectionRequestId id, @Nullable String opinion, String actor) {
		return decide(id, opinion, actor, true);
	}

	/** The decider turns the correction down, saying why; the recording stays as it is. */
	public CorrectionRequest reject(CorrectionRequestId id, @Nullable String opinion, String actor) {
		return decide(id, opinion, actor, false);
	}

	/** A correction as those involved see it: its requester, whoever may decide or decided it, or may see the recording. */
	@Transactional(readOnly = true)
	public CorrectionRequest visibleTo(CorrectionRequestId id, String actor) {
		var correction = require(id);
		var viewer = staff.require(actor);
		if (viewer.id().equals(correction.requestedBy()) || viewer.id().equals(correction.decidedBy())
				|| whyNotDecider(correction, viewer) == null) {
			return correction;
		}
		try {
			catalog.requireVisible(correction.recordingId(), actor);
		}
		catch (NotFound e) {
			throw new NotFound("correction", id);
		}
		return correction;
	}

	/** Every correction of a recording, oldest first, for whoever may see the recording. */
	@Transactional(readOnly = true)
	public List<CorrectionRequest> ofRecording(RecordingId id, String actor) {
		catalog.requireVisible(id, actor);
		return corrections.ofRecording(id);
	}

	/**
	 * The corrections that took a recording out of a case or brought one in, or ask to, of the recordings
	 * {@code actor} may see (ART-20): what the case page shows.
	 */
	@Transactional(readOnly = true)
	public List<CorrectionRequest> ofCase(CaseId caseId, String actor) {
		var seen = new java.util.HashMap<RecordingId, Boolean>();
		return corrections.ofCase(caseId).stream()
			.filter(c -> seen.computeIfAbsent(c.recordingId(),
					r -> catalog.visibleTo(catalog.require(r), actor)))
			.toList();
	}

	/**
	 * The approved corrections that took a recording out of this case or brought one in, oldest first: what the case
	 * file (ART-14) shows as correction entries, to those who may see the whole case.
	 */
	@Transactional(readOnly = true)
	public List<CorrectionRequest> approvedOfCase(CaseId caseId) {
		return corrections.ofCase(caseId).stream()
			.filter(c -> c.status() == CorrectionRequest.Status.APPROVED)
			.toList();
	}

	/** Who approved each version of a recording that an approved correction wrote, by version. */
	@Transactional(readOnly = true)
	public java.util.Map<Integer, StaffId> approvals(RecordingId id) {
		var approvals = new java.util.HashMap<Integer, StaffId>();
		corrections.ofRecording(id).stream()
			.filter(c -> c.appliedVersion() != null && c.decidedBy() != null)
			.forEach(c -> approvals.put(c.appliedVersion(), c.decidedBy()));
		return approvals;
	}

	/** Whether {@code actor} may ask for a correction of this recording: its makers, its case's handlers, custodians. */
	@Transactional(readOnly = true)
	public boolean mayRequest(Recording recording, String actor) {
		var requester = staff.require(actor);
		var linked = recording.current().caseId();
		return recording.madeBy(requester.id()) || requester.holds(Role.CUSTODIAN)
				|| linked != null && cases.require(linked).handledBy(requester.id());
	}

	/** The pending corrections {@code actor} may decide, oldest first. */
	@Transactional(readOnly = true)
	public List<CorrectionRequest> toDecide(String actor) {
		var decider = staff.require(actor);
		if (!decider.holds(Role.DEPUTY_DIRECTOR) && !decider.holds(Role.DIRECTOR)) {
			return List.of();
		}
		return corrections.withStatus(CorrectionRequest.Status.PENDING, LISTED).stream()
			.filter(c -> whyNotDecider(c, decider) == null)
			.sorted(Comparator.comparing(CorrectionRequest::requestedAt))
			.toList();
	}

	/** The corrections {@code actor} decided, newest first. */
	@Transactional(readOnly = true)
	public List<CorrectionRequest> decidedBy(String actor) {
		return corrections.decidedBy(staff.require(actor).id(), LISTED);
	}

	/** Whether {@code actor} may approve or reject this correction now. */
	@Transactional(readOnly = true)
	public boolean mayDecide(CorrectionRequest correction, String actor) {
		return correction.status() == CorrectionRequest.Status.PENDING
				&& whyNotDecider(correction, staff.require(actor)) == null;
	}

	private CorrectionRequest checked(Recording recording, NewCorrectionRequest command, StaffMember requester) {
		var before = recording.current();
		var handlesNow = before.caseId() != null && cases.require(before.caseId()).handledBy(requester.id());
		if (!recording.madeBy(requester.id()) && !handlesNow && !requester.holds(Role.CUSTODIAN)) {
			throw new NotPermitted("只有上传人、记录人、承办人或档案管理人员可以申请更正 (only the uploader, the recorder, "
					+ "the case's handlers or a custodian may ask for a correction)");
		}
		var reason = Text.required("reason", command.reason(), MAX_TEXT,
				"请说明更正原因（500字以内） (a reason is required, at most 500 characters)");
		StaffId recorder = null;
		if (command.recordedBy() != null && !command.recordedBy().isBlank()) {
			recorder = staff.byUsername(command.recordedBy().strip())
				.orElseThrow(() -> new InvalidInput("recordedBy", "记录人不存在 (unknown staff): " + command.recordedBy()))
				.id();
			if (recorder.equals(before.recordedBy())) {
				recorder = null;
			}
		}
		var startedAt = command.startedAt() == null || command.startedAt().equals(before.startedAt()) ? null
				: command.startedAt();
		var endedAt = command.endedAt() == null || command.endedAt().equals(before.endedAt()) ? null
				: command.endedAt();
		var started = startedAt != null ? startedAt : before.startedAt();
		var ended = endedAt != null ? endedAt : before.endedAt();
		if (ended.isBefore(started)) {
			throw new InvalidInput(endedAt != null ? "endedAt" : "startedAt",
					"结束时间不能早于开始时间 (endedAt is before startedAt)");
		}
		if (startedAt != null && startedAt.isAfter(time.now().plus(CLOCK_TOLERANCE))) {
			throw new InvalidInput("startedAt", "开始时间晚于当前时间 (startedAt is in the future)");
		}
		var unlink = command.unlinks();
		if (unlink && command.caseId() != null) {
			throw new InvalidInput("caseId", "解除关联与改关联其他案件不能同时申请 (unlink or name another case, not both)");
		}
		if (unlink && before.caseId() == null) {
			throw new InvalidInput("unlink", "该记录未关联案件 (the recording is not linked to a case)");
		}
		CaseId target = null;
		if (command.caseId() != null && (before.caseId() == null || !before.caseId().id().equals(command.caseId()))) {
			target = new CaseId(command.caseId());
			var moveTo = caseNamed(target);
			// a correction never opens the record to the one who asks for it (issue 11)
			if (moveTo.handledBy(requester.id()) && !catalog.contentOpenTo(recording, requester.username())) {
				throw new Conflict("caseId", "不能申请将本人无权查阅的记录更正到本人承办的案件 (a correction may not bring a "
						+ "record you may not open into a case you handle)");
			}
		}
		if (recorder == null && startedAt == null && endedAt == null && !unlink && target == null) {
			throw new InvalidInput("recordedBy", "请至少申请更正一项：记录人、起止时间或案件关联 (name at least one change: "
					+ "recordedBy, startedAt, endedAt, caseId or unlink)");
		}
		return CorrectionRequest.asked(recording.id(), before.caseId(), recorder, startedAt, endedAt, target, unlink,
				reason, requester.id(), time.now());
	}

	private CorrectionRequest decide(CorrectionRequestId id, @Nullable String opinion, String actor, boolean approve) {
		var correction = require(id);
		var decider = staff.require(actor);
		try {
			var refusal = whyNotDecider(correction, decider);
			if (refusal != null) {
				throw new NotPermitted(refusal);
			}
			if (correction.status() != CorrectionRequest.Status.PENDING) {
				throw new Conflict("status", "该更正申请已处理 (the correction was already decided)");
			}
			var text = approve ? Text.optional("reason", opinion, MAX_TEXT)
					: Text.required("reason", opinion, MAX_TEXT,
						"不予批准须说明理由（500字以内） (a rejection needs a reason, at most 500 characters)");
			CorrectionRequest decided;
			if (approve) {
				var revision = apply(correction);
				decided = correction.approve(decider.id(), text == null ? "同意" : text, time.now(), revision.version());
			}
			else {
				decided = correction.reject(decider.id(), Objects.requireNonNull(text), time.now());
			}
			if (!corrections.decide(decided)) {
				throw new Conflict("status", "该更正申请已被他人处理 (the correction was decided meanwhile)");
			}
			events.publishEvent(new CorrectionDecided(decided));
			return decided;
		}
		catch (NotPermitted | Conflict e) {
			events.publishEvent(new CorrectionRefused(decider.id(), approve ? "CORRECTION_APPROVED"
					: "CORRECTION_REJECTED", correction.recordingId(), String.valueOf(e.getMessage())));
			throw e;
		}
	}

	/** The approved correction as the recording's next revision; what it does not change stays as it is now. */
	private Revision apply(CorrectionRequest c) {
		if (c.status() != CorrectionRequest.Status.PENDING) {
			throw new Conflict("status", "该更正申请已处理 (the correction was already decided)");
		}
		var before = catalog.require(c.recordingId()).current();
		var recorder = c.recordedBy() != null ? c.recordedBy() : before.recordedBy();
		var started = c.startedAt() != null ? c.startedAt() : before.startedAt();
		var ended = c.endedAt() != null ? c.endedAt() : before.endedAt();
		if (ended.isBefore(started)) {
			throw new Conflict("endedAt", "记录已被修改，更正后的结束时间早于开始时间 (the recording changed meanwhile: "
					+ "endedAt would be before startedAt)");
		}
		var caseAfter = c.unlink() ? null : c.caseId() != null ? c.caseId() : before.caseId();
		List<StageId> stages = Objects.equals(caseAfter, before.caseId()) ? before.stageIds() : List.of();
		var revision = new Revision(UUID.randomUUID(), before.version() + 1, recorder, before.deviceSerial(), started,
				ended, caseAfter, stages, c.requestedBy(), time.now(), c.reason(),
				custody.judge(before.deviceSerial(), started, recorder));
		recordings.addRevision(c.recordingId(), revision);
		var revised = new RecordingRevised(c.recordingId(), revision, c.requestedBy());
		// ART-22: the entry commits with the revision, so the log and the rows never disagree after a crash
		trail.appendWithin(revised);
		events.publishEvent(revised);
		return revision;
	}

	/**
	 * Why {@code decider} may not decide this correction, or null when they may: never the requester; the director
	 * always; a deputy director only for cases that are not major and, where deputies other than the requester are in
	 * charge of the cases' handling units (or, for a recording in no case, of the requester's unit), only one of them.
	 */
	private @Nullable String whyNotDecider(CorrectionRequest c, StaffMember decider) {
		if (decider.id().equals(c.requestedBy())) {
			return "不能审批本人提出的更正申请 (you cannot decide your own correction)";
		}
		if (decider.holds(Role.DIRECTOR)) {
			return null;
		}
		if (!decider.holds(Role.DEPUTY_DIRECTOR)) {
			return "只有分管副局长或局长可以审批更正申请 (only a deputy director or the director decides corrections)";
		}
		var involved = c.cases().stream().map(cases::require).toList();
		if (involved.stream().anyMatch(Case::major)) {
			return "重大案件的记录更正须经局长批准 (a correction in a major case is decided by the director)";
		}
		var units = new ArrayList<org.lawtrace.shared.UnitId>();
		involved.forEach(k -> units.add(k.handlingUnit()));
		if (units.isEmpty()) {
			staff.byId(c.requestedBy()).ifPresent(r -> units.add(r.unitId()));
		}
		var inCharge = units.stream()
			.flatMap(u -> staff.deputiesInChargeOf(u).stream())
			.filter(d -> d.holds(Role.DEPUTY_DIRECTOR) && !d.id().equals(c.requestedBy()))
			.map(StaffMember::id)
			.toList();
		if (!inCharge.isEmpty() && !inCharge.contains(decider.id())) {
			return "该案件承办单位不由您分管 (the case's unit is not in your charge)";
		}
		return null;
	}

	private Case caseNamed(CaseId id) {
		try {
			return cases.require(id);
		}
		catch (NotFound e) {
			throw new InvalidInput("caseId", "案件不存在 (no such case)");
		}
	}

	private CorrectionRequest require(CorrectionRequestId id) {
		return corrections.byId(id).orElseThrow(() -> new NotFound("correction", id));
	}
}
