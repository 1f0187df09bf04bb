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
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.DurableCommits;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.StageId;
import org.lawtrace.shared.StaffId;
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
	private final AuditTrail trail;
	private final DurableCommits durable;

	RecordingIngest(BlobStore store, Recordings recordings, MediaInspector inspector, StaffDirectory staff,
			CaseManagement cases, BureauTime time, ApplicationEventPublisher events, TransactionTemplate transactions,
			DeviceCustody custody, AuditTrail trail, DurableCommits durable) {
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

	public Prepared prepare(UploadDescription d, String uploader) {
		if (d.deviceSerial() != null && !DEVICE_SERIAL.matcher(d.deviceSerial()).matches()) {
			throw new InvalidInput("deviceSerial", "设备编号只能包含字母、数字和 . _ -，最长64位 (malformed device serial)");
		}
		var recorder = recorder(d);
		if (d.startedAt() != null && d.endedAt() != null && d.endedAt().isBefore(d.startedAt())) {
			throw new InvalidInput("endedAt", "结束时间不能早于开始时间 (endedAt is before startedAt)");
		}
		var sha256 = d.sha256() == null || d.sha256().isBlank() ? null : ContentDigest.requireHex256("sha256", d.sha256());
		var caseId = d.caseId() == null ? null : new CaseId(d.caseId());
		var stageIds = stages(caseId, d.stageIds());
		return new Prepared(recorder, staff.require(uploader), d.deviceSerial(), d.startedAt(), d.endedAt(), caseId,
				stageIds, sha256);
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
				return new Ingested(existing.get(), true);
			}
			var facts = inspector.inspect(staged::open, time.zone());
			var started = facts.createdAt() != null ? facts.createdAt() : p.startedAt();
			if (started == null) {
				throw new InvalidInput("startedAt", "文件未记载拍摄时间，请填写开始时间 (the file carries no recording time; "
						+ "give startedAt)");
			}
			var ended = endOf(facts, started, p.endedAt());
			var now = time.now();
			if (started.isAfter(now.plus(CLOCK_TOLERANCE))) {
				throw new InvalidInput("startedAt", "开始时间晚于当前时间 (startedAt is in the future)");
			}
			staged.commit();
			var revision = new Revision(UUID.randomUUID(), 1, p.recordedBy().id(), p.deviceSerial(), started, ended,
					p.caseId(), p.stageIds(), p.uploader().id(), now, "上传 (uploaded)",
					custody.judge(p.deviceSerial(), started, p.recordedBy().id()));
			var recording = new Recording(RecordingId.random(), name, staged.digest(), facts, p.uploader().id(), now,
					channel, revision);
			return record(recording, p.recordedBy().username());
		}
	}

	/**
	 * The recorder named, or else, for a device that was issued to someone when recording began (a collection
	 * station uploading a docked body cam, say), whoever held it then.
	 */
	private StaffMember recorder(UploadDescription d) {
		if (d.recordedBy() != null && !d.recordedBy().isBlank()) {
			return staff.byUsername(d.recordedBy().strip())
				.orElseThrow(() -> new InvalidInput("recordedBy", "记录人不存在 (unknown staff): " + d.recordedBy()));
		}
		if (d.deviceSerial() != null) {
			var at = d.startedAt() != null ? d.startedAt() : time.now();
			var holder = custody.holderAt(d.deviceSerial(), at).flatMap(staff::byId);
			if (holder.isPresent()) {
				return holder.get();
			}
			throw new InvalidInput("recordedBy", "请填写记录人：设备 " + d.deviceSerial() + " 当时未发放给任何人 "
					+ "(recordedBy is required: the device was held by nobody at that time)");
		}
		throw new InvalidInput("recordedBy", "请填写记录人 (recordedBy is required)");
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
			return new Ingested(recordings.bySha256(recording.digest().sha256())
				.orElseThrow(() -> sameBytesJustArrived), true);
		}
	}

	/** The UPLOAD entry of a recording, as the log has always worded it. */
	private record Uploaded(Recording recording, String recorderName) implements Audited {

		@Override
		public StaffId actor() {
			return recording.uploadedBy();
		}

		@Override
		public String action() {
			return "UPLOAD";
		}

		@Override
		public String subjectType() {
			return "RECORDING";
		}

		@Override
		public String subjectId() {
			return recording.id().toString();
		}

		@Override
		public String details() {
			var caseId = recording.current().caseId();
			return "sha256=" + recording.digest().sha256() + " size=" + recording.digest().sizeBytes() + " kind="
					+ recording.kind() + " channel=" + recording.channel() + " recordedBy=" + recorderName
					+ (caseId == null ? "" : " case=" + caseId);
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
		try {
			cases.require(caseId);
		}
		catch (NotFound e) {
			throw new InvalidInput("caseId", "案件不存在 (unknown case): " + caseId);
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
