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
import org.lawtrace.staff.Permission;
import org.lawtrace.staff.Permissions;
import org.lawtrace.staff.Qualification;
import org.lawtrace.shared.DomainException;
import org.lawtrace.shared.StaffId;
import org.lawtrace.staff.Role;
import org.lawtrace.staff.RoleChange;
import org.lawtrace.staff.StaffAdministration;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.lawtrace.staff.Unit;
import org.lawtrace.shared.web.PageText;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Each role's start page: officers their own open cases, assistants the open cases they may record for, the
 * overseeing roles the latest cases and how many there are of each status and kind, and the administrator the
 * staff with today's qualification (ART-08) but no case content. The director (and the administrator, read-only)
 * sees the role changes waiting for confirmation and the recent ones (two-person rule). A person with several roles
 * sees each part.
 */
@Controller
class HomeController {

	static final String VIEW = "home";
	private static final int LISTED = 10;
	private static final int RECENT_DAYS = 30;
	/** The administrator's tile counts certificates ending within this many days, as the certificates page flags. */
	private static final int CERTIFICATE_WARNING_DAYS = 30;

	private final CaseManagement cases;
	private final StaffDirectory staff;
	private final StaffAdministration administration;
	private final BureauTime time;

	HomeController(CaseManagement cases, StaffDirectory staff, StaffAdministration administration, BureauTime time) {
		this.cases = cases;
		this.staff = staff;
		this.administration = administration;
		this.time = time;
	}

	@GetMapping("/")
	@Permissions.SeeHomePage
	String home(Authentication caller, Model model) {
		if (Permission.HANDLE_CASES.grantedTo(caller)) {
			model.addAttribute("myCases", rows(query(caller.getName(), Case.Status.OPEN, null)));
		}
		if (holds(caller, Role.ASSISTANT)) {
			model.addAttribute("openCases", rows(query(null, Case.Status.OPEN, null)));
		}
		if (Permission.SEE_CASE_OVERVIEW.grantedTo(caller)) {
			model.addAttribute("recentCases", rows(query(null, null, null)));
			model.addAttribute("byStatus", count(Case.Status.class, status -> query(null, status, null)));
			model.addAttribute("byKind", count(CaseKind.class, kind -> query(null, null, kind)));
		}
		if (Permission.MANAGE_STAFF.grantedTo(caller)) {
			model.addAttribute("adminTiles", new AdminTiles(administration.lockedAccounts().size(),
					staff.certificatesEndingBefore(time.today().plusDays(CERTIFICATE_WARNING_DAYS + 1)).size(),
					administration.roleChanges(RoleChange.Status.PENDING, 0).size()));
			model.addAttribute("staff", staffRows());
		}
		if (Permission.UNLOCK_ACCOUNTS.grantedTo(caller)) {
			model.addAttribute("lockedAccounts", lockedRows());
		}
		if (Permission.SEE_ROLE_CHANGES.grantedTo(caller)) {
			model.addAttribute("roleChanges", roleChangeRows(caller));
			model.addAttribute("decidesRoleChanges", Permission.CONFIRM_ROLE_CHANGES.grantedTo(caller));
		}
		return VIEW;
	}

	/** The director confirms a waiting role change from the home page. */
	@PostMapping("/role-changes/{id}/confirmation")
	@Permissions.ConfirmRoleChanges
	String confirm(@PathVariable UUID id, Authentication caller, RedirectAttributes redirect) {
		try {
			administration.confirmRoleChange(id, caller.getName());
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("roleChangeError", PageText.forPage(e.getMessage()));
		}
		return "redirect:/#role-changes";
	}

	@PostMapping("/role-changes/{id}/refusal")
	@Permissions.ConfirmRoleChanges
	String refuse(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
			Authentication caller, RedirectAttributes redirect) {
		try {
			administration.refuseRoleChange(id, caller.getName(), reason == null || reason.isBlank() ? null
					: reason.strip());
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("roleChangeError", PageText.forPage(e.getMessage()));
		}
		return "redirect:/#role-changes";
	}

	private List<RoleChangeRow> roleChangeRows(Authentication caller) {
		var changes = administration.roleChanges(null, RECENT_DAYS);
		var ids = changes.stream()
			.flatMap(c -> java.util.stream.Stream.of(c.staffId(), c.requestedBy(), c.decidedBy()))
			.filter(java.util.Objects::nonNull).distinct().toList();
		var people = staff.byIds(ids).stream().collect(Collectors.toMap(StaffMember::id, m -> m));
		var units = staff.units().stream().collect(Collectors.toMap(Unit::id, Unit::name));
		Function<@Nullable StaffId, String> name = id -> id == null || !people.containsKey(id) ? ""
				: people.get(id).name();
		return changes.stream().map(c -> {
			var person = people.get(c.staffId());
			return new RoleChangeRow(c.id(), name.apply(c.staffId()),
					person == null ? "" : units.getOrDefault(person.unitId(), ""),
					c.roles().stream().sorted().toList(), name.apply(c.requestedBy()),
					time.local(c.requestedAt()).toLocalDateTime().withNano(0), c.status(),
					name.apply(c.decidedBy()),
					c.decidedAt() == null ? null : time.local(c.decidedAt()).toLocalDateTime().withNano(0),
					c.reason(), person != null && person.username().equals(caller.getName()));
		}).toList();
	}

	/** The accounts refused sign-ins now, by name and unit, for those who may unlock them. */
	private List<LockedRow> lockedRows() {
		var locked = administration.lockedAccounts();
		if (locked.isEmpty()) {
			return List.of();
		}
		var units = staff.units().stream().collect(Collectors.toMap(Unit::id, Unit::name));
		return staff.all().stream().filter(m -> locked.contains(m.username()))
			.map(m -> new LockedRow(m.username(), m.name(), units.getOrDefault(m.unitId(), ""))).toList();
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

	/** The administrator's home tiles: what needs doing in the staff workspace. */
	record AdminTiles(int lockedAccounts, int certificatesToRenew, int pendingRoleChanges) {
	}

	record LockedRow(String username, String name, String unitName) {
	}

	record CaseRow(UUID id, String caseNumber, String title, CaseKind kind, Case.Status status, boolean major,
			LocalDate openedOn) {
	}

	record RoleChangeRow(UUID id, String personName, String unitName, List<Role> roles, String requestedByName,
			java.time.LocalDateTime requestedAt, RoleChange.Status status, String decidedByName,
			java.time.@Nullable LocalDateTime decidedAt, @Nullable String reason, boolean ownAccount) {

		public boolean pending() {
			return status == RoleChange.Status.PENDING;
		}
	}

	record StaffRow(StaffMember member, String unitName, Qualification today) {

		public List<Role> roles() {
			return member.roles().stream().sorted().toList();
		}
	}
}
