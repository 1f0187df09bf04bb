package org.lawtrace.recordings;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.shared.AuditTrail;
import org.lawtrace.shared.Audited;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.DurableCommits;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.NotPermitted;
import org.lawtrace.shared.RecordAccess;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.StageId;
import org.lawtrace.shared.Unprocessable;
import org.lawtrace.staff.Role;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.lawtrace.storage.BlobStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes audio-visual files in (ART-15.1): everything that can be checked without the file is checked first; the
 * file is then streamed once through its digests into the store's spool, its real type and own metadata are read,
 * and only if all is well is it committed to the write-once store and recorded. A refused upload leaves nothing.
 */
@Service
public class RecordingIngest {

	private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(10);
	private static final Pattern DEVICE_SERIAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
	private static final Pattern UNSAFE_NAME = Pattern.compile("[/\\\\\\x00-\\x1f\\x7f]|^\\.\\.?$|^\\.\\.");

	private final BlobStore store;
	private final Recordings recordings;
	private final MediaInspector inspector;
	private final StaffDirectory staff;
	private final CaseManagement cases;
	private final BureauTime time;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final DeviceCustody custody;
	private final RecordAccess access;
	private final AuditTrail trail;
	private final DurableCommits durable;

	RecordingIngest(BlobStore store, Recordings recordings, MediaInspector inspector, StaffDirectory staff,
			CaseManagement cases, BureauTime time, ApplicationEventPublisher events, TransactionTemplate transactions,
			DeviceCustody custody, RecordAccess access, AuditTrail trail, DurableCommits durable) {
		this.access = access;
		this.custody = custody;
		this.trail = trail;
		this.durable = durable;
		this.store = store;
		this.recordings = recordings;
		this.inspector = inspector;
		this.staff = staff;
		this.cases = cases;
		this.time = time;
		this.events = events;
		this.transactions = transactions;
	}

	/** An upload description that has passed every check that does not need the file. */
	public record Prepared(StaffMember recordedBy, StaffMember uploader, @Nullable String deviceSerial,
			@Nullable Instant startedAt, @Nullable Instant endedAt, @Nullable CaseId caseId, List<StageId> stageIds,
			@Nullable String sha256) {
	}

	/** The recording the file became, and whether the same bytes had already been recorded before. */
	public record Ingested(Recording recording, boolean alreadyStored) {
	}

	/**
	 * Checks an upload's description before the file is read: its recorder taken from the facts, and, for a case,
	 * that the uploader and the recorder take part in it and the recorder is qualified.
	 */
	public Prepared prepare(UploadDescription d, String uploader) {
		return prepare(d, uploader, true);
	}

	/**
	 * Checks a revision's description as an upload's was checked before issue 11: the recorder as named (or the
	 * device's holder). Who may revise, and what, is the catalogue's call.
	 */
	Prepared prepareRevision(UploadDescription d, String changer) {
		return prepare(d, changer, false);
	}

	private Prepared prepare(UploadDescription d, String uploader, boolean upload) {
		if (d.deviceSerial() != null && !DEVICE_SERIAL.matcher(d.deviceSerial()).matches()) {
			throw new InvalidInput("deviceSerial", "设备编号只能包含字母、数字和 . _ -，最长64位 (malformed device serial)");
		}
		var by = staff.require(uploader);
		var recorder = upload ? recorder(d, by) : namedRecorder(d);
		if (d.startedAt() != null && d.endedAt() != null && d.endedAt().isBefore(d.startedAt())) {
			throw new InvalidInput("endedAt", "结束时间不能早于开始时间 (endedAt is before startedAt)");
		}
		var sha256 = d.sha256() == null || d.sha256().isBlank() ? null : ContentDigest.requireHex256("sha256", d.sha256());
		var caseId = d.caseId() == null ? null : new CaseId(d.caseId());
		var stageIds = stages(caseId, d.stageIds());
		if (upload && caseId != null) {
			requireMayUploadInto(caseId, by, recorder);
			requireQualified(recorder, d.startedAt() != null ? d.startedAt() : time.now());
		}
		return new Prepared(recorder, by, d.deviceSerial(), d.startedAt(), d.endedAt(), caseId, stageIds, sha256);
	}

	/**
	 * Whether {@code actor} may upload into this case now: what {@link #prepare} checks of the uploader, asked before
	 * anything is typed, so the case page offers 上传 only to those it would not refuse (issue 15, ADR 0026). The
	 * case is open (ART-14) and the uploader takes part in it, files for it as custodian, or is a station.
	 */
	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	public boolean mayUploadInto(CaseId caseId, String actor) {
		var uploader = staff.require(actor);
		var theCase = cases.require(caseId);
		if (theCase.status() != org.lawtrace.cases.Case.Status.OPEN
				|| !org.lawtrace.staff.Permission.MAKE_RECORDINGS.grantedTo(uploader)) {
			return false;
		}
		return uploader.holds(Role.CUSTODIAN) || uploader.holds(Role.STATION) || theCase.handledBy(uploader.id())
				|| cases.stages(caseId).stream().anyMatch(s -> s.present().contains(uploader.id()));
	}

	/**
	 * Only those who take part in a case add records to it (ART-06, ART-15.1): its handlers, staff present at one of
	 * its stages, the custodian who files material for them, or a collection station on behalf of the device's
	 * holder. The recorder, too, must be a handler or present at a stage.
	 */
	private void requireMayUploadInto(CaseId caseId, StaffMember uploader, StaffMember recorder) {
		var theCase = cases.require(caseId);
		var stages = cases.stages(caseId);
		java.util.function.Predicate<StaffMember> takesPart = m -> theCase.handledBy(m.id())
				|| stages.stream().anyMatch(s -> s.present().contains(m.id()));
		if (!takesPart.test(uploader) && !uploader.holds(Role.CUSTODIAN) && !uploader.holds(Role.STATION)) {
			throw new NotPermitted("caseId", "只有本案承办人、在场人员或档案管理人员可以向该案件上传记录 "
					+ "(only the case's handlers, staff present at one of its stages or the custodian upload into it)");
		}
		if (!takesPart.test(recorder)) {
			throw new Unprocessable("recordedBy", "记录人须为本案承办人或在场人员 "
					+ "(the recorder of a case's recording is one of its handlers or present at one of its stages)");
		}
	}

	/** ART-08: the recorder of a case's recording held a valid enforcement certificate, or assists, that day. */
	private void requireQualified(StaffMember recorder, Instant madeAt) {
		var qualification = staff.qualificationOn(recorder.username(), time.local(madeAt).toLocalDate());
		if (!qualification.mayRecordAudioVisual()) {
			throw new Unprocessable("recordedBy", "记录人当日不具备执法资格，不能作为案件记录的记录人 (the recorder was not "
					+ "qualified to record that day: " + String.join("; ", qualification.reasons()) + ")");
		}
	}

	/**
	 * @param expectedSha256 a digest the client announced outside the description (a {@code Repr-Digest} header),
	 *        or {@literal null}.
	 */
	public Ingested receive(Prepared p, InputStream content, String originalName, @Nullable String expectedSha256,
			Channel channel) {
		var name = checkedName(originalName);
		var expected = agreedDigest(p.sha256(), expectedSha256);
		try (var staged = store.stage(content, expected)) {
			var existing = recordings.bySha256(staged.digest().sha256());
			if (existing.isPresent()) {
				return alreadyStored(existing.get(), p.uploader());
			}
			var facts = inspector.inspect(staged::open, time.zone());
			var started = facts.createdAt() != null ? facts.createdAt() : p.startedAt();
			if (started == null) {
				throw new InvalidInput("startedAt", "文件未记载拍摄时间，请填写开始时间 (the file carries no recording time; "
						+ "give startedAt)");
			}
			var ended = endOf(facts, started, p.endedAt());
			if (p.caseId() != null) {
				requireQualified(p.recordedBy(), started);
			}
			var now = time.now();
			if (started.isAfter(now.plus(CLOCK_TOLERANCE))) {
				throw new InvalidInput("startedAt", "开始时间晚于当前时间 (startedAt is in the future)");
			}
			staged.commit();
			var revision = new Revision(UUID.randomUUID(), 1, p.recordedBy().id(), p.deviceSerial(), started, ended,
					p.caseId(), p.stageIds(), p.uploader().id(), now, "上传 (uploaded)",
					custody.judge(p.deviceSerial(), started, p.recordedBy().id()));
			var recording = new Recording(RecordingId.random(), name, staged.digest(), facts, p.uploader().id(), now,
					channel, revision, p.recordedBy().id(), p.caseId() != null);
			return record(recording, p.recordedBy().username());
		}
	}

	/** A revision's recorder: the one named, or else whoever held the named device when recording began. */
	private StaffMember namedRecorder(UploadDescription d) {
		if (d.recordedBy() != null && !d.recordedBy().isBlank()) {
			return staff.byUsername(d.recordedBy().strip())
				.orElseThrow(() -> new InvalidInput("recordedBy", "记录人不存在 (unknown staff): " + d.recordedBy()));
		}
		if (d.deviceSerial() != null) {
			var at = d.startedAt() != null ? d.startedAt() : time.now();
			return custody.holderAt(d.deviceSerial(), at).flatMap(staff::byId)
				.orElseThrow(() -> new InvalidInput("recordedBy", "请填写记录人：设备 " + d.deviceSerial()
						+ " 当时未发放给任何人 (recordedBy is required: the device was held by nobody at that time)"));
		}
		throw new InvalidInput("recordedBy", "请填写记录人 (recordedBy is required)");
	}

	/**
	 * Who recorded the file, from facts the uploader cannot pick to their advantage: whoever held the named device
	 * when recording began (devices ledger), or else the uploader. A collection station names whoever docked a
	 * device nobody held; the custodian, who files others' material (ART-15.1), names whose it is. Anyone else who
	 * names a different recorder is refused (422).
	 */
	private StaffMember recorder(UploadDescription d, StaffMember uploader) {
		StaffMember named = null;
		if (d.recordedBy() != null && !d.recordedBy().isBlank()) {
			named = staff.byUsername(d.recordedBy().strip())
				.orElseThrow(() -> new InvalidInput("recordedBy", "记录人不存在 (unknown staff): " + d.recordedBy()));
		}
		var holder = d.deviceSerial() == null ? java.util.Optional.<StaffMember>empty()
				: custody.holderAt(d.deviceSerial(), d.startedAt() != null ? d.startedAt() : time.now())
					.flatMap(staff::byId);
		if (uploader.holds(Role.CUSTODIAN)) {
			if (named != null) {
				return named;
			}
			return holder.orElseThrow(() -> new InvalidInput("recordedBy", "请填写记录人 (recordedBy is required)"));
		}
		if (holder.isPresent()) {
			if (named != null && !named.id().equals(holder.get().id())) {
				throw new Unprocessable("recordedBy", "记录人应为当时领用设备 " + d.deviceSerial() + " 的人员 "
						+ "(the recorder is whoever held the device then)");
			}
			return holder.get();
		}
		if (uploader.holds(Role.STATION)) {
			if (named != null) {
				return named;
			}
			throw new InvalidInput("recordedBy", d.deviceSerial() == null ? "请填写记录人 (recordedBy is required)"
					: "请填写记录人：设备 " + d.deviceSerial() + " 当时未发放给任何人 "
							+ "(recordedBy is required: the device was held by nobody at that time)");
		}
		if (named != null && !named.id().equals(uploader.id())) {
			throw new Unprocessable("recordedBy", "记录人只能是上传人本人或当时领用设备的人员 "
					+ "(the recorder is the uploader, or whoever held the device then)");
		}
		return uploader;
	}

	/**
	 * Records the committed blob: row, event and UPLOAD entry in one transaction, made durable before the caller may
	 * acknowledge it (the blob itself is on disk already), so an acknowledged upload survives a kill or power cut.
	 */
	private Ingested record(Recording recording, String recorderName) {
		try {
			transactions.executeWithoutResult(status -> {
				recordings.add(recording);
				var r = recording.current();
				events.publishEvent(new RecordingIngested(recording.id(), recording.digest(), recording.kind(),
						r.recordedBy(), r.deviceSerial(), r.startedAt(), r.endedAt(), r.caseId(), r.stageIds(),
						recording.uploadedBy(), recording.uploadedAt(), recording.channel()));
				trail.appendWithin(new Uploaded(recording, recorderName));
			});
			durable.awaitDurable();
			return new Ingested(recording, false);
		}
		catch (DuplicateKeyException sameBytesJustArrived) {
			return alreadyStored(recordings.bySha256(recording.digest().sha256())
				.orElseThrow(() -> sameBytesJustArrived), staff.byId(recording.uploadedBy()).orElseThrow());
		}
	}

	/**
	 * The same bytes are stored already. The uploader learns which recording they became only if they may see its
	 * metadata (ART-20); anyone else learns that the file is held, which they knew, and nothing of the record.
	 */
	private Ingested alreadyStored(Recording existing, StaffMember uploader) {
		if (!access.maySeeMetadata(uploader.id(), RecordRef.recording(existing.id().id()),
				existing.current().caseId(), existing.madeBy(uploader.id()))) {
			events.publishEvent(RecordingViewRefused.metadata(uploader.id(), existing.id()));
			throw new Conflict("file", "该文件已存储，无需再次上传 (this file is already stored)");
		}
		return new Ingested(existing, true);
	}

	/**
	 * The UPLOAD entry of a recording, as the log has always worded it, with the recorder's staff id after the rest
	 * (issue 12), so the row can be checked against the log even if a username changes.
	 */
	private record Uploaded(Recording recording, String recorderName) implements Audited.Logged {

		@Override
		public Entry entry() {
			return new Entry(recording.uploadedBy(), "UPLOAD", "RECORDING", recording.id().toString(), details());
		}

		@Override
		public String details() {
			var caseId = recording.current().caseId();
			return "sha256=" + recording.digest().sha256() + " size=" + recording.digest().sizeBytes() + " kind="
					+ recording.kind() + " channel=" + recording.channel() + " recordedBy=" + recorderName
					+ (caseId == null ? "" : " case=" + caseId) + " recordedById=" + recording.current().recordedBy().id();
		}
	}

	private static Instant endOf(MediaFacts facts, Instant started, @Nullable Instant given) {
		Instant ended;
		if (facts.duration() != null) {
			ended = started.plus(facts.duration());
		}
		else if (given != null) {
			ended = given;
		}
		else if (facts.kind() == RecordingKind.PHOTO) {
			ended = started;
		}
		else {
			throw new InvalidInput("endedAt", "文件未记载时长，请填写结束时间 (the file carries no duration; give endedAt)");
		}
		if (ended.isBefore(started)) {
			throw new InvalidInput("endedAt", "结束时间不能早于开始时间 (endedAt is before startedAt)");
		}
		return ended;
	}

	private List<StageId> stages(@Nullable CaseId caseId, List<UUID> stageIds) {
		if (caseId == null) {
			if (!stageIds.isEmpty()) {
				throw new InvalidInput("stageIds", "关联环节须同时指定案件 (stages need their case)");
			}
			return List.of();
		}
		org.lawtrace.cases.Case c;
		try {
			c = cases.require(caseId);
		}
		catch (NotFound e) {
			throw new InvalidInput("caseId", "案件不存在 (unknown case): " + caseId);
		}
		if (c.status() != org.lawtrace.cases.Case.Status.OPEN) {
			// ART-14: a closed case's record set is frozen; only an approved correction adds to it
			throw new Conflict("caseId", "案件已结案，不能再上传或关联记录；如需补入请提出更正申请 (the case is closed; "
					+ "ask for a correction, ART-14)");
		}
		var known = cases.stages(caseId).stream().map(s -> s.id().id()).toList();
		var checked = new ArrayList<StageId>();
		for (var id : stageIds) {
			if (!known.contains(id)) {
				throw new InvalidInput("stageIds", "环节不属于该案件 (stage is not part of the case): " + id);
			}
			if (!checked.contains(new StageId(id))) {
				checked.add(new StageId(id));
			}
		}
		return checked;
	}

	private static @Nullable String agreedDigest(@Nullable String described, @Nullable String announced) {
		var header = announced == null ? null : ContentDigest.requireHex256("sha256", announced);
		if (described != null && header != null && !described.equals(header)) {
			throw new InvalidInput("sha256", "元数据与请求头中的SHA-256不一致 (metadata.sha256 and the digest header disagree)");
		}
		return described != null ? described : header;
	}

	/** The name as the camera wrote it; it is never used as a path, but one that tries to be is refused. */
	static String checkedName(String originalName) {
		var name = originalName == null ? "" : originalName.strip();
		if (name.isEmpty()) {
			throw new InvalidInput("file", "缺少文件名 (the file part has no file name)");
		}
		if (UNSAFE_NAME.matcher(name).find() || name.length() > 255) {
			throw new InvalidInput("file", "文件名不得包含路径或控制字符 (file name must be a plain name, no path): " + name);
		}
		return name;
	}
}
