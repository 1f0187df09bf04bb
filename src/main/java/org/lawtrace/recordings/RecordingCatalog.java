package org.lawtrace.recordings;

import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.AuditTrail;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.NotPermitted;
import org.lawtrace.shared.RecordAccess;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.RecordVisibility;
import org.lawtrace.shared.StaffId;
import org.lawtrace.staff.Role;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.storage.BlobStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Finds recordings, keeps their revisions (links and corrections), and hands out their content to those it is open to. */
@Service
@Transactional
public class RecordingCatalog {

	private final Recordings recordings;
	private final RecordingIngest ingest;
	private final StaffDirectory staff;
	private final CaseManagement cases;
	private final BlobStore store;
	private final BureauTime time;
	private final ApplicationEventPublisher events;
	private final DeviceCustody custody;
	private final RecordAccess access;
	private final AuditTrail trail;
	private final org.springframework.beans.factory.ObjectProvider<org.lawtrace.shared.DestroyedRecords> destroyed;

	RecordingCatalog(Recordings recordings, RecordingIngest ingest, StaffDirectory staff, CaseManagement cases,
			BlobStore store, BureauTime time, ApplicationEventPublisher events, DeviceCustody custody,
			RecordAccess access, AuditTrail trail,
			org.springframework.beans.factory.ObjectProvider<org.lawtrace.shared.DestroyedRecords> destroyed) {
		this.destroyed = destroyed;
		this.trail = trail;
		this.access = access;
		this.custody = custody;
		this.recordings = recordings;
		this.ingest = ingest;
		this.staff = staff;
		this.cases = cases;
		this.store = store;
		this.time = time;
		this.events = events;
	}

	/** One page of recordings found, and how many there are in all. */
	public record Page(List<Recording> items, long total, int page, int size) {
	}

	@Transactional(readOnly = true)
	public Recording require(RecordingId id) {
		return recordings.byId(id).orElseThrow(() -> new NotFound("recording", id));
	}

	/**
	 * ART-20: a recording for someone who may see its metadata. To anyone else it does not exist: the same
	 * {@link NotFound} as for an unknown id, and the attempt is logged at once.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED) // the refusal is logged at once, outside any transaction
	public Recording requireVisible(RecordingId id, String actor) {
		var recording = require(id);
		var viewer = staff.require(actor).id();
		if (!access.maySeeMetadata(viewer, RecordRef.recording(id.id()), recording.current().caseId(),
				recording.opensToMaker(viewer))) {
			events.publishEvent(RecordingViewRefused.metadata(viewer, id));
			throw new NotFound("recording", id);
		}
		return recording;
	}

	/**
	 * ART-22: one recording's record read by someone who may see it (ART-20), on a page or over the API alike; the
	 * view is logged at once, before it is answered ({@link RecordingViewed}). Listings and the checks actions make
	 * ask {@link #requireVisible} and are not views.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED) // logged at once, outside any transaction
	public Recording view(RecordingId id, String actor) {
		var recording = requireVisible(id, actor);
		events.publishEvent(new RecordingViewed(id, staff.require(actor).id()));
		return recording;
	}

	/** Whether {@code actor} may see this recording at all (ART-20): what {@link #requireVisible} asks, without a refusal. */
	@Transactional(readOnly = true)
	public boolean visibleTo(Recording recording, String actor) {
		var viewer = staff.require(actor).id();
		return access.maySeeMetadata(viewer, RecordRef.recording(recording.id().id()), recording.current().caseId(),
				recording.opensToMaker(viewer));
	}

	/** The recordings {@code actor} may see that match (ART-20): totals and pages count only those. */
	@Transactional(readOnly = true)
	public Page search(RecordingQuery query, String actor) {
		return search(query, access.visibility(staff.require(actor).id()));
	}

	/** How many recordings a case has, seen or not: what the case page says to someone who must ask to see them. */
	@Transactional(readOnly = true)
	public long countOfCase(CaseId caseId) {
		return recordings.search(new RecordingQuery(caseId, null, null, null, null, 0, 1), null, null).total();
	}

	/**
	 * How many recordings record each stage of a case, seen or not, by stage id: so the case page can say a stage's
	 * recordings exist but need approval rather than that it has none (issue 15), naming nothing of them.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<java.util.UUID, Long> countOfCaseByStage(CaseId caseId) {
		return recordings.countByStage(caseId);
	}

	/** Every recording that matches, whoever may see it: for modules that apply their own rules (audit, packages). */
	@Transactional(readOnly = true)
	public Page search(RecordingQuery query) {
		return search(query, (RecordVisibility) null);
	}

	private Page search(RecordingQuery query, @Nullable RecordVisibility visible) {
		if (query.size() < 1 || query.size() > RecordingQuery.MAX_PAGE_SIZE) {
			throw new InvalidInput("size", "每页条数应在1到" + RecordingQuery.MAX_PAGE_SIZE + "之间 (size out of range)");
		}
		if (query.page() < 0) {
			throw new InvalidInput("page", "页码不能为负 (page must not be negative)");
		}
		StaffId recorder = null;
		if (query.recordedBy() != null && !query.recordedBy().isBlank()) {
			var found = staff.byUsername(query.recordedBy().strip());
			if (found.isEmpty()) {
				return new Page(List.of(), 0, query.page(), query.size());
			}
			recorder = found.get().id();
		}
		var found = recordings.search(query, recorder, visible);
		return new Page(found.items(), found.total(), query.page(), query.size());
	}

	@Transactional(readOnly = true)
	public List<Revision> history(RecordingId id) {
		require(id);
		return recordings.history(id);
	}

	/**
	 * ART-06, ART-15.2: links a recording to a case and stages, or changes its device or the stages of its open case,
	 * as a new revision; the original file and every earlier revision stay as they were. Nothing here may change who
	 * recorded it, when, or take it out of or move it between cases: those are corrections a leader decides
	 * ({@link RecordingCorrections}), and a closed case's records are frozen (ART-14).
	 */
	public Recording revise(RecordingId id, Correction c, String actor) {
		// ART-20: to whoever may not see it the recording does not exist, whatever the body says
		var current = requireVisible(id, actor);
		var changer = staff.require(actor);
		if (c.reason() == null || c.reason().isBlank() || c.reason().length() > 500) {
			throw new InvalidInput("reason", "请说明修改原因（500字以内） (a reason is required, at most 500 characters)");
		}
		var before = current.current();
		try {
			requireHarmless(c, before);
		}
		catch (Conflict e) {
			// ART-22: an attempt to re-label or detach a record without approval leaves a trace
			events.publishEvent(new CorrectionRefused(changer.id(), "REVISION", id, String.valueOf(e.getMessage())));
			throw e;
		}
		var caseId = caseAfter(c, before);
		var stageIds = stagesAfter(c, before, caseId);
		// recorder and times never change by a revision (requireHarmless): only an approved correction changes them
		var recordedBy = staff.byId(before.recordedBy()).orElseThrow().username();
		var described = ingest.prepareRevision(new UploadDescription(recordedBy,
				c.deviceSerial() != null ? c.deviceSerial() : before.deviceSerial(), before.startedAt(),
				before.endedAt(), caseId, stageIds, null), actor);
		requireMayRevise(current, changer.id(), changer.holds(Role.CUSTODIAN), described.caseId());
		var revision = new Revision(UUID.randomUUID(), before.version() + 1, described.recordedBy().id(),
				described.deviceSerial(), described.startedAt(), described.endedAt(), described.caseId(),
				described.stageIds(), changer.id(), time.now(), c.reason().strip(),
				custody.judge(described.deviceSerial(), described.startedAt(), described.recordedBy().id()));
		recordings.addRevision(id, revision);
		var revised = new RecordingRevised(id, revision, changer.id());
		// ART-22: the entry commits with the revision, so the log and the rows never disagree after a crash
		trail.appendWithin(revised);
		events.publishEvent(revised);
		return require(id);
	}

	/**
	 * Issue 11: a revision may only link a daily enforcement recording to an open case, or change the device or the
	 * stages within its open case. Anything that could take a record away from its case, re-label who made it or
	 * touch a closed case is refused here, naming the field, and must go through a correction.
	 */
	private void requireHarmless(Correction c, Revision before) {
		if (before.caseId() != null && closed(before.caseId())) {
			throw new Conflict("caseId", "案件已结案，其记录不得再关联、解除或调整环节；如需更正请提出更正申请 (the case is closed "
					+ "and its records are frozen; ask for a correction, ART-14)");
		}
		if (c.recordedBy() != null && !c.recordedBy().isBlank()
				&& !staff.byUsername(c.recordedBy().strip()).map(m -> m.id().equals(before.recordedBy())).orElse(false)) {
			throw correctionNeeded("recordedBy", "更改记录人");
		}
		if (c.startedAt() != null && !c.startedAt().equals(before.startedAt())) {
			throw correctionNeeded("startedAt", "更改开始时间");
		}
		if (c.endedAt() != null && !c.endedAt().equals(before.endedAt())) {
			throw correctionNeeded("endedAt", "更改结束时间");
		}
		if (c.unlinks() && before.caseId() != null) {
			throw correctionNeeded("unlink", "解除与案件的关联");
		}
		if (!c.unlinks() && c.caseId() != null && before.caseId() != null && !before.caseId().id().equals(c.caseId())) {
			throw correctionNeeded("caseId", "改为关联其他案件");
		}
		if (!c.unlinks() && c.caseId() != null && closed(new CaseId(c.caseId()))) {
			throw new Conflict("caseId", "案件已结案，不能再关联记录；如需补入请提出更正申请 (the case is closed; ask for a "
					+ "correction, ART-14)");
		}
	}

	private static Conflict correctionNeeded(String field, String what) {
		return new Conflict(field, what + "须提出更正申请，经分管副局长批准 (this change is a correction: POST "
				+ "/api/v1/recordings/{id}/corrections, decided by the deputy director in charge)");
	}

	private boolean closed(CaseId caseId) {
		try {
			return cases.require(caseId).status() != org.lawtrace.cases.Case.Status.OPEN;
		}
		catch (NotFound e) {
			return false; // an unknown case is reported by the link's own checks, naming caseId
		}
	}

	private static @Nullable UUID caseAfter(Correction c, Revision before) {
		if (c.unlinks()) {
			return null;
		}
		if (c.caseId() != null) {
			return c.caseId();
		}
		return before.caseId() == null ? null : before.caseId().id();
	}

	/** Stages named, else the current ones while the case stays the same; a new case starts with none. */
	private static List<UUID> stagesAfter(Correction c, Revision before, @Nullable UUID caseAfter) {
		if (c.unlinks()) {
			return List.of();
		}
		if (c.stageIds() != null) {
			return c.stageIds();
		}
		var sameCase = before.caseId() != null && before.caseId().id().equals(caseAfter);
		return sameCase ? before.stageIds().stream().map(s -> s.id()).toList() : List.of();
	}

	/** ART-22(2): an attempt to delete or replace an original is refused, and recorded for the discipline unit. */
	public void refuseAlteration(String recordingId, String actor, String method, String path) {
		events.publishEvent(new AlterationRefused(recordingId, actor, method, path));
	}

	/** Part of a stored file, {@code length} bytes from byte {@code offset}; the caller closes the stream. */
	@FunctionalInterface
	public interface Content {

		InputStream open(long offset, long length);
	}

	/**
	 * The original, for someone it is open to: checked once here, then read as often as a player seeks.
	 *
	 * @throws NotPermitted when the content is not open to {@code actor}.
	 */
	// not read-only: a refusal is logged, and the event publication registry writes in this transaction
	@Transactional
	public Content contentFor(Recording recording, String actor) {
		requireContentOpenTo(recording, actor);
		return (offset, length) -> store.openRange(recording.digest(), offset, length);
	}

	public void requireContentOpenTo(Recording recording, String actor) {
		if (!contentOpenTo(recording, actor)) {
			events.publishEvent(RecordingViewRefused.content(staff.require(actor).id(), recording.id()));
			throw new NotPermitted("无权查看该音像记录内容 (the content of this recording is not open to you)");
		}
		requireNotDestroyed(recording);
	}

	/**
	 * ART-16: a recording destroyed under an approved disposition keeps its record, but its content (and every copy
	 * made of it) is gone: 410, not a failure to read a missing blob.
	 */
	public void requireNotDestroyed(Recording recording) {
		var tombstone = destroyed.stream()
			.flatMap(d -> d.destroyed(RecordRef.recording(recording.id().id())).stream())
			.findFirst();
		if (tombstone.isPresent()) {
			throw new org.lawtrace.shared.Gone("该音像记录已依法销毁 (this recording was destroyed under an approved "
					+ "disposition on " + tombstone.get().destroyedAt() + ", register " + tombstone.get().registerNumber() + ")");
		}
	}

	/** Whether the recording's content was destroyed under an approved disposition (ART-16): pages show the fact. */
	@Transactional(readOnly = true)
	public boolean destroyed(RecordingId id) {
		return destroyed.stream().anyMatch(d -> d.destroyed(RecordRef.recording(id.id())).isPresent());
	}

	/** Whether {@link #contentFor} would hand this recording's content to {@code actor}: pages ask before showing a player. */
	@Transactional(readOnly = true)
	public boolean contentOpenTo(Recording recording, String actor) {
		return !contentOpenAmong(List.of(recording), actor).isEmpty();
	}

	/** Those of {@code recordings} whose content is open to {@code actor}, looking each linked case up once. */
	@Transactional(readOnly = true)
	public Set<RecordingId> contentOpenAmong(List<Recording> recordings, String actor) {
		var viewer = staff.require(actor).id();
		return recordings.stream()
			.filter(r -> access.mayOpen(viewer, RecordRef.recording(r.id().id()), r.current().caseId(),
					r.opensToMaker(viewer)))
			.map(Recording::id)
			.collect(Collectors.toSet());
	}

	/**
	 * Whether {@code actor} may save a revision of this recording at all (issue 15, ADR 0026): what {@link #revise}
	 * asks of the changer, before any value is typed. A closed case's records are frozen (ART-14); otherwise its
	 * uploader, recorder, handlers and custodians may, and for a recording in no case, whoever handles an open case
	 * it may be claimed by.
	 */
	@Transactional(readOnly = true)
	public boolean mayRevise(Recording recording, String actor) {
		var changer = staff.require(actor);
		if (!org.lawtrace.staff.Permission.MAKE_RECORDINGS.grantedTo(changer)) {
			return false;
		}
		var linked = recording.current().caseId();
		if (linked != null && closed(linked)) {
			return false;
		}
		return changer.holds(Role.CUSTODIAN) || recording.contentOpenTo(changer.id(), handles(changer.id(), linked))
				|| recording.current().unlinked() && !cases.openCasesHandledBy(changer.id()).isEmpty();
	}

	private void requireMayRevise(Recording recording, StaffId changer, boolean custodian,
			@Nullable CaseId target) {
		var mayNow = recording.contentOpenTo(changer, handles(changer, recording.current().caseId()));
		// a daily enforcement recording waits to be claimed by the case it belongs to; a linked one is not up for grabs
		var claimsUnlinked = recording.current().unlinked() && handles(changer, target);
		if (!mayNow && !custodian && !claimsUnlinked) {
			throw new NotPermitted("只有上传人、记录人、承办人或档案管理人员可以修改 (only the uploader, the recorder, "
					+ "the case's handlers or a custodian may change this recording)");
		}
	}

	private boolean handles(StaffId staffId, @Nullable CaseId caseId) {
		return caseId != null && cases.require(caseId).handledBy(staffId);
	}
}
