package org.lawtrace.cases.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseKind;
import org.lawtrace.cases.Party;
import org.lawtrace.cases.Procedure;
import org.lawtrace.cases.Stage;
import org.lawtrace.cases.StageKind;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.StaffId;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.lawtrace.staff.Unit;
import org.springframework.stereotype.Component;

/** Turns cases and stages into what API clients and pages read: names instead of ids, times in the bureau's zone. */
@Component
class CaseViews {

	private final StaffDirectory staff;
	private final BureauTime time;

	CaseViews(StaffDirectory staff, BureauTime time) {
		this.staff = staff;
		this.time = time;
	}

	CaseView of(Case c) {
		return of(List.of(c)).get(0);
	}

	List<CaseView> of(List<Case> cases) {
		var ids = new HashSet<StaffId>();
		cases.forEach(c -> {
			ids.addAll(c.handlers());
			ids.add(c.openedBy());
			if (c.closedBy() != null) {
				ids.add(c.closedBy());
			}
		});
		var people = people(ids);
		var units = staff.units().stream().collect(Collectors.toMap(Unit::id, Function.identity()));
		return cases.stream().map(c -> {
			var unit = units.get(c.handlingUnit());
			return new CaseView(c.id().id(), c.caseNumber().value(), c.kind(), c.kind().chineseName(),
					c.procedure(), c.title(), new UnitRef(c.handlingUnit().id(), unit == null ? "" : unit.name()),
					c.major(), c.status(), c.handlers().stream().map(h -> person(people, h)).toList(), c.parties(),
					time.local(c.openedAt()), person(people, c.openedBy()).username(), c.closedOn(),
					c.closedAt() == null ? null : time.local(c.closedAt()),
					c.closedBy() == null ? null : person(people, c.closedBy()).username());
		}).toList();
	}

	List<StageView> stages(List<Stage> stages) {
		var ids = new HashSet<StaffId>();
		stages.forEach(s -> {
			ids.addAll(s.present());
			ids.add(s.recordedBy());
		});
		var people = people(ids);
		return stages.stream()
			.map(s -> new StageView(s.id().id(), s.caseId().id(), s.kind(), s.kind().chineseName(), s.avMandatory(),
					s.kind().article(), time.local(s.startedAt()),
					s.endedAt() == null ? null : time.local(s.endedAt()), s.place(),
					s.present().stream().map(p -> person(people, p)).toList(), s.note(),
					person(people, s.recordedBy()).username(), time.local(s.recordedAt())))
			.toList();
	}

	private Map<StaffId, StaffMember> people(Collection<StaffId> ids) {
		return staff.byIds(ids).stream().collect(Collectors.toMap(StaffMember::id, Function.identity()));
	}

	private static PersonRef person(Map<StaffId, StaffMember> people, StaffId id) {
		var m = people.get(id);
		return m == null ? new PersonRef(id.toString(), "?") : new PersonRef(m.username(), m.name());
	}

	record UnitRef(UUID id, String name) {
	}

	record PersonRef(String username, String name) {
	}

	record CaseView(UUID id, String caseNumber, CaseKind kind, String kindName, Procedure procedure, String title,
			UnitRef handlingUnit, boolean major, Case.Status status, List<PersonRef> handlers, List<Party> parties,
			OffsetDateTime openedAt, String openedBy, @Nullable LocalDate closedOn, @Nullable OffsetDateTime closedAt,
			@Nullable String closedBy) {
	}

	record StageView(UUID id, UUID caseId, StageKind kind, String kindName, boolean avMandatory, String article,
			OffsetDateTime startedAt, @Nullable OffsetDateTime endedAt, @Nullable String place,
			List<PersonRef> present, @Nullable String note, String recordedBy, OffsetDateTime recordedAt) {
	}
}
