package org.lawtrace.compliance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.recordings.Recording;
import org.lawtrace.recordings.RecordingCatalog;
import org.lawtrace.recordings.RecordingId;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.DatabaseTime;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.NotPermitted;
import org.lawtrace.shared.StageId;
import org.lawtrace.staff.Permission;
import org.lawtrace.staff.Role;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The compliance module's API: a case's checklist, the officer's open gaps, ART-06.0 bookmarks and stage
 * exemptions. Checklists are read by the case's handlers and by those who oversee enforcement (leaders, the
 * discipline unit, legal affairs); they show findings, never record content.
 */
@Service
@Transactional
public class CaseCompliance {

	private final CaseManagement cases;
	private final RecordingCatalog recordings;
	private final StaffDirectory staff;
	private final Findings findings;
	private final Bookmarks bookmarks;
	private final Exemptions exemptions;
	private final ComplianceEvaluation evaluation;
	private final RulePacks packs;
	private final BureauTime time;

	private final org.springframework.context.ApplicationEventPublisher events;
	private final org.lawtrace.recordings.RecordingOutlines recordingOutlines;

	CaseCompliance(CaseManagement cases, RecordingCatalog recordings, StaffDirectory staff, Findings findings,
			Bookmarks bookmarks, Exemptions exemptions, ComplianceEvaluation evaluation, RulePacks packs,
			BureauTime time, org.springframework.context.ApplicationEventPublisher events,
			org.lawtrace.recordings.RecordingOutlines recordingOutlines) {
		this.events = events;
		this.recordingOutlines = recordingOutlines;
		this.cases = cases;
		this.recordings = recordings;
		this.staff = staff;
		this.findings = findings;
		this.bookmarks = bookmarks;
		this.exemptions = exemptions;
		this.evaluation = evaluation;
		this.packs = packs;
		this.time = time;
	}

	@Transactional(readOnly = true)
	public Checklist checklist(CaseId caseId, String viewer) {
		var c = cases.require(caseId);
		requireReader(c, viewer);
		var all = findings.ofCase(caseId);
		var requests = exemptions.ofCase(caseId);
		var recorded = cases.stages(caseId);
		var stages = recorded.stream().map(s -> {
			var mine = all.stream().filter(f -> s.id().equals(f.stageId())).toList();
			var open = mine.stream().filter(Finding::open).toList();
			var exemption = requests.stream().filter(e -> e.stageId().equals(s.id()))
				.max(Comparator.comparing(Exemption::requestedAt)).orElse(null);
			return new Checklist.StageCheck(s.id(), s.kind(), s.startedAt(), s.endedAt(), s.avMandatory(),
					s.kind().article(), Light.of(open.stream().map(Finding::severity).toList()), exemption, open,
					mine.stream().filter(f -> !f.open()).toList());
		}).toList();
		var caseWide = all.stream().filter(f -> f.stageId() == null).toList();
		var light = Light.of(all.stream().filter(Finding::open).map(Finding::severity).toList());
		var summary = findings.lastEvaluation(caseId);
		var evaluatedAt = summary.map(Findings.Evaluated::at).orElse(null);
		var latestStage = recorded.stream().map(s -> s.recordedAt()).max(Comparator.naturalOrder());
		var pending = latestStage.isPresent() && (evaluatedAt == null || evaluatedAt.isBefore(latestStage.get()));
		return new Checklist(caseId, c.caseNumber().value(), light,
				summary.map(Findings.Evaluated::rulePackVersion).orElse(packs.current().version()), evaluatedAt,
				stages, caseWide, pending);
	}

	/**
	 * A case's open findings, judged afresh under the pack in force: what archiving's integrity check (ART-14,
	 * DA/T 70-2018 完整性) reads. No viewer check: findings, never content, and the caller acts on the whole case.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
	public List<Finding> openFindingsNow(CaseId caseId) {
		evaluation.evaluate(caseId);
		return findings.ofCase(caseId).stream().filter(Finding::open).toList();
	}

	/**
	 * Findings closed because their own recorder corrected the recording's times or recorder (Chapter 8), the
	 * latest first, for the discipline unit and the director to review.
	 */
	@Transactional(readOnly = true)
	public List<SelfClearedFinding> selfClearedFindings(int limit) {
		return findings.selfCleared(limit);
	}

	/**
	 * ART-22 (1): the open findings that a required recording is missing whose deadline passed before {@code day},
	 * across all cases, as last evaluated; the discipline unit's signals read them.
	 */
	@Transactional(readOnly = true)
	public List<Finding> overdueMissingRecordings(java.time.LocalDate day, int limit) {
		return findings.overdueMissingRecordings(day, limit);
	}

	/**
	 * The custodian's late-upload queue (ART-15.1, ART-13): recordings stored after their deadline and required ones
	 * still missing past it, as last evaluated, the latest deadline first; with who made the recording, or for a
	 * missing one who handles the case.
	 */
	@Transactional(readOnly = true)
	public List<LateUpload> lateUploads(int limit) {
		var rows = findings.lateUploads(time.today(), limit);
		var handlers = findings.handlersOf(rows.stream().map(r -> r.getKey().caseId()).toList());
		// who made each late recording, read for the whole page at once (a recording is never deleted: one not
		// found keeps its case's handlers)
		var late = rows.stream().map(Map.Entry::getKey)
			.filter(f -> isLateUpload(f) && f.record() != null
					&& f.record().kind() == org.lawtrace.shared.RecordRef.Kind.RECORDING)
			.map(f -> new org.lawtrace.recordings.RecordingId(f.record().id())).toList();
		var recorders = new java.util.HashMap<UUID, org.lawtrace.shared.StaffId>();
		for (var facts : recordingOutlines.factsOf(late)) {
			facts.revisions().stream().filter(r -> r.current()).findFirst()
				.ifPresent(r -> recorders.put(facts.id().id(), r.recordedBy()));
		}
		return rows.stream().map(row -> {
			var f = row.getKey();
			var missing = !isLateUpload(f);
			List<org.lawtrace.shared.StaffId> people = handlers.getOrDefault(f.caseId(), List.of());
			var recorder = missing || f.record() == null ? null : recorders.get(f.record().id());
			if (recorder != null) {
				people = List.of(recorder);
			}
			return new LateUpload(missing, f.caseId(), row.getValue(), f.stageId(), f.record(), f.deadline(), people,
					f.detail());
		}).toList();
	}

	/** A line of the queue for an upload stored late (ART-15.1); the other lines are required recordings missing. */
	private static boolean isLateUpload(Finding f) {
		return "ART-15.1".equals(f.article());
	}

	/** How many lines the late-upload queue has. */
	@Transactional(readOnly = true)
	public long lateUploadCount() {
		return findings.lateUploadCount(time.today());
	}

	/** The open red and amber gaps in the open cases a person handles, the nearest deadline first. */
	@Transactional(readOnly = true)
	public List<Finding> openGapsOf(String username, int limit) {
		return findings.openForHandler(staff.require(username).id(), limit);
	}

	/** The case numbers of these cases, for lists of findings that name their cases. */
	@Transactional(readOnly = true)
	public Map<CaseId, String> caseNumbersOf(Collection<CaseId> cases) {
		return findings.caseNumbersOf(cases);
	}

	/** ART-06.0: marks where the opening statement or closing question is, or attests it with a reason. */
	public Bookmark mark(RecordingId recordingId, @Nullable BookmarkKind kind, @Nullable Long offsetSeconds,
			@Nullable String attestation, Bookmark.Source source, String actor) {
		var recording = recordings.require(recordingId);
		var person = staff.require(actor);
		var linked = recording.current().caseId();
		if (!closeTo(recording, person)) {
			// ART-20: to whoever may not see the recording, it does not exist (404), rather than exists but is barred
			recordings.requireVisible(recordingId, actor);
			throw new NotPermitted("只有记录人、上传人或本案承办人可以标记 (only the recorder, uploader or a handler may mark)");
		}
		if (kind == null) {
			throw new InvalidInput("kind", "请指明 OPENING 或 CLOSING (kind is required)");
		}
		var attested = attestation != null && !attestation.isBlank();
		if ((offsetSeconds == null) == !attested) {
			throw new InvalidInput(offsetSeconds == null ? "offsetSeconds" : "attestation",
					"应给出时间点或说明理由，二者择一 (give either an offset or an attestation)");
		}
		var length = java.time.Duration.between(recording.current().startedAt(), recording.current().endedAt());
		if (offsetSeconds != null && (offsetSeconds < 0 || offsetSeconds * 1000 > length.toMillis())) {
			throw new InvalidInput("offsetSeconds", "时间点应在录像时长 0–" + length.toSeconds() + " 秒之内 (offset outside the recording)");
		}
		if (attested && attestation.strip().length() > 500) {
			throw new InvalidInput("attestation", "说明不超过500字 (at most 500 characters)");
		}
		var bookmark = new Bookmark(UUID.randomUUID(), recordingId.id(), kind,
				offsetSeconds == null ? null : offsetSeconds * 1000, attested ? attestation.strip() : null, source,
				person.id(), time.now());
		bookmarks.add(bookmark);
		// ART-22: a mark on the record is part of its history, and of the case's trail
		events.publishEvent(new BookmarkSet(bookmark));
		if (linked != null) {
			evaluation.evaluateAfterCommit(linked);
		}
		return bookmark;
	}

	/** Whether a person may set ART-06.0 bookmarks on a recording: its recorder, its uploader or a handler of its case. */
	@Transactional(readOnly = true)
	public boolean mayMark(RecordingId recordingId, String username) {
		var person = staff.byUsername(username);
		return person.isPresent() && closeTo(recordings.require(recordingId), person.get());
	}

	private boolean closeTo(Recording recording, StaffMember person) {
		var linked = recording.current().caseId();
		return (linked != null && cases.require(linked).handledBy(person.id()))
				|| recording.current().recordedBy().equals(person.id()) || recording.uploadedBy().equals(person.id());
	}

	/**
	 * The ART-06.0 bookmarks of a recording, for someone who may see its metadata (ART-20): who set which bookmark
	 * when is metadata. To anyone else the recording does not exist, the same {@link org.lawtrace.shared.NotFound} as
	 * for an unknown id, and the attempt is logged.
	 */
	public List<Bookmark> bookmarks(RecordingId recordingId, String viewer) {
		recordings.requireVisible(recordingId, viewer);
		return bookmarks.of(recordingId.id());
	}

	/** ART-06.1: a handler asks that a stage be treated as not suitable for AV recording, giving the reason. */
	public Exemption requestExemption(CaseId caseId, StageId stageId, @Nullable String reason, String actor) {
		var c = cases.require(caseId);
		var person = staff.require(actor);
		if (!c.handledBy(person.id())) {
			throw new NotPermitted("只有本案承办人可以申请 (only a handler of the case may ask)");
		}
		if (c.status() != org.lawtrace.cases.Case.Status.OPEN) {
			// ART-14: a closed case is frozen; its stages are what they were when it closed
			throw new Conflict("stageId", "案件已结案，不能再申请不宜录音录像 (the case is closed)");
		}
		var stage = cases.stage(caseId, stageId);
		if (!stage.avMandatory()) {
			throw new InvalidInput("stageId", "该环节无须录音录像 (this stage need not be recorded)");
		}
		if (reason == null || reason.isBlank() || reason.strip().length() > 1000) {
			throw new InvalidInput("reason", "请写明不宜录音录像的理由，不超过1000字 (a reason of 1 to 1000 characters is required)");
		}
		var pending = exemptions.ofCase(caseId).stream()
			.anyMatch(e -> e.stageId().equals(stageId) && e.status() != Exemption.Status.REFUSED);
		if (pending) {
			throw new Conflict("stageId", "该环节已有待审批或已批准的申请 (an exemption is already asked or approved)");
		}
		var exemption = new Exemption(UUID.randomUUID(), caseId, stageId, reason.strip(), person.id(), time.now(),
				Exemption.Status.REQUESTED, null, null, null);
		exemptions.add(exemption);
		return exemption;
	}

	/** The handling unit's head (its deputy director in charge) or the director approves or refuses. */
	public Exemption decideExemption(UUID exemptionId, boolean approve, @Nullable String note, String actor) {
		var exemption = exemptions.byId(exemptionId).orElseThrow(() -> new NotFound("exemption", exemptionId));
		var c = cases.require(exemption.caseId());
		var person = staff.require(actor);
		if (!unitHeadOf(c, person)) {
			throw new NotPermitted("只有承办单位的分管领导或局长可以审批 (only the unit's deputy director in charge or the director)");
		}
		if (note != null && note.length() > 500) {
			throw new InvalidInput("note", "意见不超过500字 (at most 500 characters)");
		}
		var decided = exemption.decide(approve, person.id(), time.now(), note);
		if (!exemptions.decide(decided)) {
			throw new Conflict("status", "该申请已被处理 (decided meanwhile)");
		}
		evaluation.evaluateAfterCommit(c.id());
		return decided;
	}

	@Transactional(readOnly = true)
	public List<Exemption> exemptions(CaseId caseId, String viewer) {
		requireReader(cases.require(caseId), viewer);
		return exemptions.ofCase(caseId);
	}

	/**
	 * Whether a person may ask for a stage exemption in a case: an officer handling it (ART-06.1), while it is open
	 * (ART-14), as {@link #requestExemption} checks.
	 */
	@Transactional(readOnly = true)
	public boolean mayRequestExemption(CaseId caseId, String username) {
		var person = staff.byUsername(username);
		var c = cases.require(caseId);
		return person.isPresent() && person.get().holds(Role.OFFICER) && c.status() == org.lawtrace.cases.Case.Status.OPEN
				&& c.handledBy(person.get().id());
	}

	/** Whether a person decides a case's exemptions: its unit's deputy director in charge, or the director. */
	@Transactional(readOnly = true)
	public boolean mayDecideExemptions(CaseId caseId, String username) {
		var person = staff.byUsername(username);
		return person.isPresent() && unitHeadOf(cases.require(caseId), person.get());
	}

	/** The exemption requests waiting for this person's decision, the oldest first. */
	@Transactional(readOnly = true)
	public List<PendingExemption> exemptionsToDecide(String username, int limit) {
		var person = staff.byUsername(username);
		if (person.isEmpty() || !(person.get().holds(Role.DIRECTOR) || person.get().holds(Role.DEPUTY_DIRECTOR))) {
			return List.of();
		}
		return exemptions.pending().stream()
			.map(e -> Map.entry(e, cases.require(e.caseId())))
			.filter(pair -> unitHeadOf(pair.getValue(), person.get()))
			.limit(limit)
			.map(pair -> new PendingExemption(pair.getKey(), pair.getValue().caseNumber().value(),
					pair.getValue().title(), cases.stage(pair.getValue().id(), pair.getKey().stageId()).kind()))
			.toList();
	}

	private boolean unitHeadOf(Case c, StaffMember person) {
		return person.holds(Role.DIRECTOR) || (person.holds(Role.DEPUTY_DIRECTOR)
				&& staff.deputiesInChargeOf(c.handlingUnit()).stream().anyMatch(d -> d.id().equals(person.id())));
	}

	/** Whether a person may read a case's checklist. */
	public boolean mayRead(CaseId caseId, String viewer) {
		var person = staff.byUsername(viewer);
		return person.isPresent() && (Permission.OVERSEE_COMPLIANCE.grantedTo(person.get())
				|| cases.require(caseId).handledBy(person.get().id()));
	}

	private void requireReader(Case c, String viewer) {
		var person = staff.require(viewer);
		if (!c.handledBy(person.id()) && !Permission.OVERSEE_COMPLIANCE.grantedTo(person)) {
			throw new NotPermitted("只有本案承办人、局领导、执纪机构和法制机构可以查看 (handlers and oversight only)");
		}
	}

}
