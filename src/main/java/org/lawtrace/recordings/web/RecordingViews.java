package org.lawtrace.recordings.web;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.cases.Party;
import org.lawtrace.recordings.Channel;
import org.lawtrace.recordings.DeviceFinding;
import org.lawtrace.recordings.Recording;
import org.lawtrace.recordings.RecordingKind;
import org.lawtrace.recordings.Revision;
import org.lawtrace.recordings.UploadDeadline;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StaffId;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.springframework.stereotype.Component;

/**
 * Turns recordings into what clients and pages list: names instead of ids, the ART-15.2 labels (case number,
 * party, handling officers) taken from the linked case, and the ART-15.1 timeliness.
 */
@Component
public class RecordingViews {

	private final StaffDirectory staff;
	private final CaseManagement cases;
	private final UploadDeadline deadline;
	private final BureauTime time;

	RecordingViews(StaffDirectory staff, CaseManagement cases, UploadDeadline deadline, BureauTime time) {
		this.staff = staff;
		this.cases = cases;
		this.deadline = deadline;
		this.time = time;
	}

	public record Person(String username, String name) {
	}

	/** ART-15.2: what every listing of a linked recording shows. */
	public record Labels(String caseNumber, List<String> parties, List<String> handlers) {
	}

	public record RecordingView(UUID id, RecordingKind kind, String kindName, String mediaType, String originalName,
			long sizeBytes, String sha256, @Nullable String sm3, Person recordedBy, @Nullable String deviceSerial,
			OffsetDateTime startedAt, OffsetDateTime endedAt, @Nullable Double durationSeconds,
			@Nullable OffsetDateTime fileCreatedAt, @Nullable Double latitude, @Nullable Double longitude,
			Person uploadedBy, OffsetDateTime uploadedAt, Channel channel, @Nullable UUID caseId, List<UUID> stageIds,
			boolean linked, @Nullable Labels labels, UploadDeadline.Timeliness timeliness, int version,
			@Nullable DeviceFinding deviceFinding) {
	}

	/** @param approvedBy who approved the correction this version is, or null for a version that needed none */
	public record RevisionView(int version, Person recordedBy, @Nullable String deviceSerial, OffsetDateTime startedAt,
			OffsetDateTime endedAt, @Nullable UUID caseId, List<UUID> stageIds, Person changedBy,
			OffsetDateTime changedAt, String reason, @Nullable Person approvedBy) {
	}

	public RecordingView of(Recording recording) {
		return of(List.of(recording)).get(0);
	}

	public List<RecordingView> of(List<Recording> recordings) {
		var people = people(recordings.stream()
			.flatMap(r -> List.of(r.uploadedBy(), r.current().recordedBy()).stream()).toList());
		var labels = new HashMap<CaseId, Labels>();
		return recordings.stream().map(r -> {
			var v = r.current();
			var f = r.facts();
			var caseLabels = v.caseId() == null ? null : labels.computeIfAbsent(v.caseId(), this::labels);
			return new RecordingView(r.id().id(), r.kind(), r.kind().chineseName(), f.mediaType(), r.originalName(),
					r.digest().sizeBytes(), r.digest().sha256(), r.digest().sm3(), person(people, v.recordedBy()),
					v.deviceSerial(), time.local(v.startedAt()), time.local(v.endedAt()),
					f.duration() == null ? null : f.duration().toMillis() / 1000.0,
					f.createdAt() == null ? null : time.local(f.createdAt()), f.latitude(), f.longitude(),
					person(people, r.uploadedBy()), time.local(r.uploadedAt()), r.channel(),
					v.caseId() == null ? null : v.caseId().id(), v.stageIds().stream().map(s -> s.id()).toList(),
					v.caseId() != null, caseLabels, deadline.judge(v.endedAt(), r.uploadedAt()), v.version(),
					v.deviceFinding());
		}).toList();
	}

	public List<RevisionView> revisions(List<Revision> revisions) {
		return revisions(revisions, Map.of());
	}

	/** The versions, each written by an approved correction naming who approved it (issue 11). */
	public List<RevisionView> revisions(List<Revision> revisions, Map<Integer, StaffId> approvedBy) {
		var ids = new java.util.ArrayList<StaffId>(approvedBy.values());
		revisions.forEach(v -> ids.addAll(List.of(v.recordedBy(), v.changedBy())));
		var people = people(ids);
		return revisions.stream()
			.map(v -> new RevisionView(v.version(), person(people, v.recordedBy()), v.deviceSerial(),
					time.local(v.startedAt()), time.local(v.endedAt()), v.caseId() == null ? null : v.caseId().id(),
					v.stageIds().stream().map(s -> s.id()).toList(), person(people, v.changedBy()),
					time.local(v.changedAt()), v.reason(),
					approvedBy.containsKey(v.version()) ? person(people, approvedBy.get(v.version())) : null))
			.toList();
	}

	private Labels labels(CaseId caseId) {
		Case c = cases.require(caseId);
		var people = people(c.handlers());
		var handlers = c.handlers().stream().map(h -> person(people, h).name()).toList();
		return new Labels(c.caseNumber().value(), c.parties().stream().map(Party::name).toList(), handlers);
	}

	private Map<StaffId, StaffMember> people(List<StaffId> ids) {
		return staff.byIds(new HashSet<>(ids)).stream().collect(Collectors.toMap(StaffMember::id, Function.identity()));
	}

	private static Person person(Map<StaffId, StaffMember> people, StaffId id) {
		var m = people.get(id);
		return m == null ? new Person(id.toString(), "?") : new Person(m.username(), m.name());
	}
}
