package org.lawtrace.access.web;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.access.AccessRequest;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.StaffId;
import org.lawtrace.staff.StaffDirectory;
import org.springframework.stereotype.Component;

/**
 * Turns requests into what clients and pages show: people by name, and the case's labels (case number, title,
 * major flag), which are all an approver learns of a case from a request; never a record's content or metadata.
 */
@Component
class AccessRequestViews {

	private final StaffDirectory staff;
	private final CaseManagement cases;
	private final BureauTime time;

	AccessRequestViews(StaffDirectory staff, CaseManagement cases, BureauTime time) {
		this.staff = staff;
		this.cases = cases;
		this.time = time;
	}

	/**
	 * A requested record as the request's page names it: whether it is a recording or a document, and its place in
	 * the request (第1项). Never its file name, kind of recording or time: the request's page is seen by the approver,
	 * who learns a case's labels and nothing of a record (ART-20); the link leads to the record's own page, which
	 * asks its own visibility question.
	 */
	record RecordLabel(RecordRef ref, int number) {

		public boolean recording() {
			return ref.kind() == RecordRef.Kind.RECORDING;
		}
	}

	List<RecordLabel> labels(List<RecordRef> records) {
		return java.util.stream.IntStream.range(0, records.size())
			.mapToObj(i -> new RecordLabel(records.get(i), i + 1))
			.toList();
	}

	/** A person as pages name them: by name, with the unit they work in (the approver weighs who asks, ART-20). */
	record Person(String username, String name, String unitName) {
	}

	record CaseLabels(UUID id, String caseNumber, String title, boolean major) {
	}

	record AccessRequestView(UUID id, Person requester, CaseLabels caseLabels, AccessRequest.Scope scope,
			List<RecordRef> records, String purpose, int days, AccessRequest.Route route, AccessRequest.Status status,
			AccessRequest.Standing standing, OffsetDateTime requestedAt, @Nullable Person decidedBy,
			@Nullable OffsetDateTime decidedAt, @Nullable String opinion, @Nullable OffsetDateTime grantedUntil,
			@Nullable Person revokedBy, @Nullable OffsetDateTime revokedAt, @Nullable String revocationReason) {
	}

	AccessRequestView of(AccessRequest request) {
		return of(List.of(request)).get(0);
	}

	List<AccessRequestView> of(List<AccessRequest> requests) {
		var people = new HashMap<StaffId, Person>();
		var labels = new HashMap<CaseId, CaseLabels>();
		var now = time.now();
		return requests.stream()
			.map(r -> new AccessRequestView(r.id().id(), requester(r, people),
					labels.computeIfAbsent(r.caseId(), this::labels), r.scope(), r.records(), r.purpose(), r.days(),
					r.route(), r.status(), r.standingAt(now), time.local(r.requestedAt()),
					r.decidedBy() == null ? null : person(r.decidedBy(), people), local(r.decidedAt()), r.opinion(),
					local(r.grantedUntil()), r.revokedBy() == null ? null : person(r.revokedBy(), people),
					local(r.revokedAt()), r.revocationReason()))
			.toList();
	}

	private @Nullable OffsetDateTime local(java.time.@Nullable Instant at) {
		return at == null ? null : time.local(at);
	}

	/** The requester with the unit they asked from (kept on the request), not the one they may have moved to. */
	private Person requester(AccessRequest request, Map<StaffId, Person> known) {
		var person = person(request.requester(), known);
		return new Person(person.username(), person.name(),
				staff.unit(request.requesterUnit()).map(u -> u.name()).orElse(person.unitName()));
	}

	private Person person(StaffId id, Map<StaffId, Person> known) {
		return known.computeIfAbsent(id, i -> staff.byId(i)
			.map(m -> new Person(m.username(), m.name(), staff.unit(m.unitId()).map(u -> u.name()).orElse("")))
			.orElse(new Person(i.toString(), i.toString(), "")));
	}

	private CaseLabels labels(CaseId id) {
		Case c = cases.require(id);
		return new CaseLabels(id.id(), c.caseNumber().value(), c.title(), c.major());
	}
}
