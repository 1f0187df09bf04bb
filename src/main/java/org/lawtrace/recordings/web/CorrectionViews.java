package org.lawtrace.recordings.web;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.recordings.CorrectionRequest;
import org.lawtrace.recordings.web.RecordingViews.Person;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StaffId;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.springframework.stereotype.Component;

/** Corrections as clients and pages show them: people and cases by name, the status in Chinese beside its code. */
@Component
class CorrectionViews {

	private final StaffDirectory staff;
	private final CaseManagement cases;
	private final BureauTime time;

	CorrectionViews(StaffDirectory staff, CaseManagement cases, BureauTime time) {
		this.staff = staff;
		this.cases = cases;
		this.time = time;
	}

	/** A case as a correction names it: by its case number (案号). */
	record CaseRef(UUID id, String caseNumber) {
	}

	record CorrectionView(UUID id, UUID recordingId, CorrectionRequest.Status status, String statusName,
			@Nullable CaseRef caseBefore, @Nullable Person recordedBy, @Nullable OffsetDateTime startedAt,
			@Nullable OffsetDateTime endedAt, @Nullable CaseRef caseId, boolean unlink, String reason,
			Person requestedBy, OffsetDateTime requestedAt, @Nullable Person decidedBy,
			@Nullable OffsetDateTime decidedAt, @Nullable String opinion, @Nullable Integer appliedVersion) {
	}

	CorrectionView of(CorrectionRequest c) {
		return of(List.of(c)).get(0);
	}

	List<CorrectionView> of(List<CorrectionRequest> corrections) {
		var people = staff.byIds(new HashSet<>(corrections.stream()
			.flatMap(c -> Stream.of(c.recordedBy(), c.requestedBy(), c.decidedBy()))
			.filter(Objects::nonNull)
			.toList())).stream().collect(Collectors.toMap(StaffMember::id, Function.identity()));
		return corrections.stream()
			.map(c -> new CorrectionView(c.id().id(), c.recordingId().id(), c.status(), c.status().chineseName(),
					caseRef(c.caseBefore()), person(people, c.recordedBy()), local(c.startedAt()),
					local(c.endedAt()), caseRef(c.caseId()), c.unlink(), c.reason(),
					Objects.requireNonNull(person(people, c.requestedBy())), time.local(c.requestedAt()),
					person(people, c.decidedBy()), local(c.decidedAt()), c.opinion(), c.appliedVersion()))
			.toList();
	}

	private @Nullable OffsetDateTime local(java.time.@Nullable Instant at) {
		return at == null ? null : time.local(at);
	}

	private @Nullable CaseRef caseRef(@Nullable CaseId id) {
		return id == null ? null : new CaseRef(id.id(), cases.require(id).caseNumber().value());
	}

	private static @Nullable Person person(Map<StaffId, StaffMember> people, @Nullable StaffId id) {
		if (id == null) {
			return null;
		}
		var m = people.get(id);
		return m == null ? new Person(id.toString(), "?") : new Person(m.username(), m.name());
	}
}
