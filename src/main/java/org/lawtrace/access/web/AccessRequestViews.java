package org.lawtrace.access.web;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.access.AccessRequest;
import org.lawtrace.access.PackageRecordSource;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.NotFound;
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
	private final List<PackageRecordSource> sources;

	AccessRequestViews(StaffDirectory staff, CaseManagement cases, BureauTime time, List<PackageRecordSource> sources) {
		this.staff = staff;
		this.cases = cases;
		this.time = time;
		this.sources = sources;
	}

	/**
	 * A requested record as staff call it on the request's page: its kind ({@code VIDEO}, {@code AUDIO},
	 * {@code PHOTO} for a recording, null for a document), its file name and when it was made; never its content.
	 * A record no longer found keeps just its kind of record.
	 */
	record RecordLabel(RecordRef ref, @Nullable String kind, @Nullable String name, @Nullable OffsetDateTime madeAt) {

		public boolean recording() {
			return ref.kind() == RecordRef.Kind.RECORDING;
		}
	}

	List<RecordLabel> labels(List<RecordRef> records) {
		return records.stream().map(this::label).toList();
	}

	private RecordLabel label(RecordRef ref) {
		var source = sources.stream().filter(s -> s.kind() == ref.kind()).findFirst();
		try {
			var item = source.map(s -> s.describe(ref.id())).orElse(null);
			if (item == null) {
				return new RecordLabel(ref, null, null, null);
			}
			var made = item.madeFrom() == null ? item.storedAt() : item.madeFrom();
			return new RecordLabel(ref, ref.kind() == RecordRef.Kind.RECORDING ? item.kind() : null,
					item.originalName(), time.local(made));
		}
		catch (NotFound gone) {
			return new RecordLabel(ref, null, null, null);
		}
	}

	record Person(String username, String name) {
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
			.map(r -> new AccessRequestView(r.id().id(), person(r.requester(), people),
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

	private Person person(StaffId id, Map<StaffId, Person> known) {
		return known.computeIfAbsent(id, i -> staff.byId(i)
			.map(m -> new Person(m.username(), m.name()))
			.orElse(new Person(i.toString(), i.toString())));
	}

	private CaseLabels labels(CaseId id) {
		Case c = cases.require(id);
		return new CaseLabels(id.id(), c.caseNumber().value(), c.title(), c.major());
	}
}
