package org.lawtrace.portal.web;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseKind;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.cases.CaseQuery;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.staff.Qualification;
import org.lawtrace.staff.Role;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.lawtrace.staff.Unit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Each role's start page: officers their own open cases, assistants the open cases they may record for, the
 * overseeing roles the latest cases and how many there are of each status and kind, and the administrator the
 * staff with today's qualification (ART-08) but no case content. A person with several roles sees each part.
 */
@Controller
class HomeController {

	static final String VIEW = "home";
	static final String ANY_STAFF = "hasAnyRole('OFFICER','ASSISTANT','CUSTODIAN','LEGAL_AFFAIRS','DEPUTY_DIRECTOR',"
			+ "'DIRECTOR','DISCIPLINE','ADMIN')";
	private static final List<Role> OVERSEERS = List.of(Role.CUSTODIAN, Role.LEGAL_AFFAIRS, Role.DEPUTY_DIRECTOR,
			Role.DIRECTOR, Role.DISCIPLINE);
	private static final int LISTED = 10;

	private final CaseManagement cases;
	private final StaffDirectory staff;
	private final BureauTime time;

	HomeController(CaseManagement cases, StaffDirectory staff, BureauTime time) {
		this.cases = cases;
		this.staff = staff;
		this.time = time;
	}

	@GetMapping("/")
	@PreAuthorize(ANY_STAFF)
	String home(Authentication caller, Model model) {
		if (holds(caller, Role.OFFICER)) {
			model.addAttribute("myCases", rows(query(caller.getName(), Case.Status.OPEN, null)));
		}
		if (holds(caller, Role.ASSISTANT)) {
			model.addAttribute("openCases", rows(query(null, Case.Status.OPEN, null)));
		}
		if (OVERSEERS.stream().anyMatch(role -> holds(caller, role))) {
			model.addAttribute("recentCases", rows(query(null, null, null)));
			model.addAttribute("byStatus", count(Case.Status.class, status -> query(null, status, null)));
			model.addAttribute("byKind", count(CaseKind.class, kind -> query(null, null, kind)));
		}
		if (holds(caller, Role.ADMIN)) {
			model.addAttribute("staff", staffRows());
		}
		return VIEW;
	}

	private static boolean holds(Authentication caller, Role role) {
		return caller.getAuthorities().stream().anyMatch(a -> role.authority().equals(a.getAuthority()));
	}

	private CaseQuery query(@Nullable String handler, Case.@Nullable Status status, @Nullable CaseKind kind) {
		return new CaseQuery(null, null, handler, null, null, status, kind, 0, LISTED);
	}

	private List<CaseRow> rows(CaseQuery query) {
		return cases.search(query).items().stream()
			.map(c -> new CaseRow(c.id().id(), c.caseNumber().value(), c.title(), c.kind(), c.status(), c.major(),
					LocalDate.ofInstant(c.openedAt(), time.zone())))
			.toList();
	}

	/** How many cases there are of each value of {@code type}, in its declared order. */
	private <K extends Enum<K>> Map<K, Long> count(Class<K> type, Function<K, CaseQuery> query) {
		var counts = new EnumMap<K, Long>(type);
		for (var key : type.getEnumConstants()) {
			counts.put(key, cases.search(query.apply(key)).total());
		}
		return counts;
	}

	private List<StaffRow> staffRows() {
		var units = staff.units().stream().collect(Collectors.toMap(Unit::id, Unit::name));
		var today = time.today();
		return staff.all().stream()
			.map(m -> new StaffRow(m, units.getOrDefault(m.unitId(), ""),
					staff.qualificationOn(m.username(), today)))
			.toList();
	}

	record CaseRow(UUID id, String caseNumber, String title, CaseKind kind, Case.Status status, boolean major,
			LocalDate openedOn) {
	}

	record StaffRow(StaffMember member, String unitName, Qualification today) {

		public List<Role> roles() {
			return member.roles().stream().sorted().toList();
		}
	}
}
