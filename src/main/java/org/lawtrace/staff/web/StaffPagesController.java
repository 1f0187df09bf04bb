package org.lawtrace.staff.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.DomainException;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;
import org.lawtrace.shared.web.FormError;
import org.lawtrace.shared.web.PageActions;
import org.lawtrace.staff.ApiToken;
import org.lawtrace.staff.ApiTokens;
import org.lawtrace.staff.EnforcementCertificate;
import org.lawtrace.staff.Permission;
import org.lawtrace.staff.Permissions;
import org.lawtrace.staff.Qualification;
import org.lawtrace.staff.Role;
import org.lawtrace.staff.RoleChange;
import org.lawtrace.staff.StaffAdministration;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.lawtrace.staff.Unit;
import org.lawtrace.staff.UnitKind;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The administrator's workspace (issue 15): the staff list with its search, each person's page (roles, the roles
 * waiting for the director, certificates, account state), adding a person with their enforcement certificate,
 * disabling, password resets, unlocking, the units tree, every certificate with its expiry, and API tokens. Every
 * rule is {@link StaffAdministration}'s, which also logs each change (ART-22); the pages only show and ask.
 */
@Controller
class StaffPagesController {

	/** A certificate ending within this many days is flagged (ART-07: an officer must hold a valid one). */
	static final int EXPIRY_WARNING_DAYS = 30;

	private static final Set<String> PERSON_FIELDS = Set.of("name", "username", "staffNumber", "unitId", "roles",
			"password", "certificateNumber", "certificateIssuer", "certificateValidFrom", "certificateValidTo");

	private final StaffDirectory directory;
	private final StaffAdministration administration;
	private final ApiTokens tokens;
	private final BureauTime time;

	StaffPagesController(StaffDirectory directory, StaffAdministration administration, ApiTokens tokens,
			BureauTime time) {
		this.directory = directory;
		this.administration = administration;
		this.tokens = tokens;
		this.time = time;
	}

	/** Everyone on the staff, searched by name or staff number, unit, role and account state. */
	@GetMapping("/staff")
	@Permissions.ManageStaff
	String list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable UUID unit, @RequestParam(required = false) @Nullable Role role,
			@RequestParam(required = false) @Nullable String state, Model model) {
		var units = unitNames();
		var locked = administration.lockedAccounts();
		var pending = pendingRoles();
		var standing = directory.standingOfAll();
		var today = time.today();
		var text = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
		var rows = directory.all().stream()
			.filter(m -> text.isEmpty() || m.name().toLowerCase(Locale.ROOT).contains(text)
					|| m.staffNumber().toLowerCase(Locale.ROOT).contains(text))
			.filter(m -> unit == null || m.unitId().id().equals(unit))
			.filter(m -> role == null || m.holds(role) || pending.getOrDefault(m.id(), Set.of()).contains(role))
			.filter(m -> state == null || state.isBlank()
					|| switch (state) {
						case "locked" -> locked.contains(m.username());
						case "disabled" -> !m.enabled();
						case "pending" -> pending.containsKey(m.id());
						default -> true;
					})
			.map(m -> new PersonRow(m, units.getOrDefault(m.unitId(), ""), sorted(m.roles()),
					sorted(pending.getOrDefault(m.id(), Set.of())), locked.contains(m.username()),
					standing.qualificationOf(m, today)))
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("units", tree());
		model.addAttribute("roles", assignableRoles());
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("unit", unit);
		model.addAttribute("role", role);
		model.addAttribute("state", state == null ? "" : state);
		return "staff/list";
	}

	/** The form to add a person, empty. */
	@GetMapping("/staff/new")
	@Permissions.ManageStaff
	String newPerson(Model model) {
		return personForm(model, PersonForm.empty(), List.of());
	}

	/**
	 * Adds a person (and their certificate): every problem with the form is shown at once, beside its field, with
	 * what was typed kept; nothing is written unless all is well.
	 */
	@PostMapping("/staff")
	@Permissions.ManageStaff
	String add(@ModelAttribute PersonForm form, BindingResult unreadable, Authentication caller, Model model,
			RedirectAttributes redirect) {
		// a value that does not even parse (a date typed by hand) is left empty, and the rules below say so
		var person = form.person();
		var problems = administration.problemsWith(person);
		if (problems.isEmpty()) {
			try {
				var registered = administration.register(person, caller.getName());
				redirect.addFlashAttribute("done", registered.pending() == null ? "staffPages.added"
						: "staffPages.addedPending");
				return "redirect:/staff/" + path(registered.member().username());
			}
			catch (DomainException e) {
				problems = List.of(e);
			}
		}
		return personForm(model, form, problems.stream().map(e -> FormError.of(e, PERSON_FIELDS)).toList());
	}

	/** One person: account, roles and the roles waiting for the director, certificates, today's qualification. */
	@GetMapping("/staff/{username}")
	@Permissions.ManageStaff
	String person(@PathVariable String username, Model model) {
		var member = directory.require(username);
		var today = time.today();
		model.addAttribute("person", member);
		model.addAttribute("unitName", unitNames().getOrDefault(member.unitId(), ""));
		model.addAttribute("personRoles", sorted(member.roles()));
		model.addAttribute("pendingRoles", sorted(pendingRoles().getOrDefault(member.id(), Set.of())));
		model.addAttribute("locked", administration.lockedAccounts().contains(username));
		model.addAttribute("today", directory.qualificationOn(username, today));
		model.addAttribute("certificates", directory.certificates(member.id()).stream()
			.map(c -> CertificateRow.of(c, member, "", today)).toList());
		model.addAttribute("roles", assignableRoles());
		model.addAttribute("station", member.holds(Role.STATION));
		return "staff/person";
	}

	@PostMapping("/staff/{username}/enabled")
	@Permissions.ManageStaff
	String setEnabled(@PathVariable String username, @RequestParam(required = false) @Nullable Boolean enabled,
			Authentication caller, RedirectAttributes redirect) {
		if (enabled == null) { // the form always says which; without it nothing is changed
			return "redirect:/staff/" + path(username);
		}
		PageActions.attempt(redirect, enabled ? "staffPages.enabledDone" : "staffPages.disabledDone",
				() -> administration.setEnabled(username, enabled, caller.getName()));
		return "redirect:/staff/" + path(username);
	}

	/** The administrator sets a new password; its owner must change it at the next sign-in. */
	@PostMapping("/staff/{username}/password")
	@Permissions.ManageStaff
	String resetPassword(@PathVariable String username, @RequestParam(defaultValue = "") String password,
			Authentication caller, RedirectAttributes redirect) {
		PageActions.attempt(redirect, "staffPages.passwordReset",
				() -> administration.resetPassword(username, password, caller.getName()));
		return "redirect:/staff/" + path(username);
	}

	@PostMapping("/staff/{username}/unlock")
	@Permissions.UnlockAccounts
	String unlock(@PathVariable String username, Authentication caller, RedirectAttributes redirect) {
		PageActions.attempt(redirect, "staffPages.unlocked", () -> administration.unlock(username, caller.getName()));
		// the director may unlock too, from the home page, but has no staff pages to go back to
		return Permission.MANAGE_STAFF.grantedTo(caller) ? "redirect:/staff/" + path(username) : "redirect:/";
	}

	/** Sets the roles: taking away and non-evidence roles at once, evidence roles wait for the director. */
	@PostMapping("/staff/{username}/roles")
	@Permissions.ManageStaff
	String changeRoles(@PathVariable String username, @RequestParam(required = false) @Nullable List<Role> roles,
			Authentication caller, RedirectAttributes redirect) {
		var wanted = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		var waiting = new RoleChange[1];
		if (PageActions.attempt(redirect, null,
				() -> waiting[0] = administration.changeRoles(username, wanted, caller.getName()))) {
			redirect.addFlashAttribute("done", waiting[0] == null ? "staffPages.rolesChanged"
					: "staffPages.rolesPending");
		}
		return "redirect:/staff/" + path(username);
	}

	/** Registers an enforcement certificate issued to the person (ART-07). */
	@PostMapping("/staff/{username}/certificates")
	@Permissions.ManageStaff
	String issueCertificate(@PathVariable String username, @RequestParam(defaultValue = "") String number,
			@RequestParam(defaultValue = "") String issuer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate validFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate validTo,
			Authentication caller, RedirectAttributes redirect) {
		PageActions.attempt(redirect, "staffPages.certificateIssued",
				() -> administration.issueCertificate(username,
						new StaffAdministration.NewCertificate(number, issuer, validFrom, validTo), caller.getName()));
		return "redirect:/staff/" + path(username) + "#certificates";
	}

	/** Every certificate, with those expired or ending within 30 days flagged (ART-07, ART-08). */
	@GetMapping("/staff/certificates")
	@Permissions.ManageStaff
	String certificates(Model model) {
		var people = directory.all().stream().collect(Collectors.toMap(StaffMember::id, m -> m));
		var units = unitNames();
		var today = time.today();
		var rows = new ArrayList<CertificateRow>();
		directory.standingOfAll().certificates().forEach((holder, held) -> held.forEach(c -> {
			var person = people.get(holder);
			rows.add(CertificateRow.of(c, person, person == null ? "" : units.getOrDefault(person.unitId(), ""),
					today));
		}));
		rows.sort(Comparator.comparing(CertificateRow::urgency).thenComparing(r -> r.certificate().validTo()));
		model.addAttribute("rows", rows);
		return "staff/certificates";
	}

	/** Revokes a certificate from a day (today if not given), with the reason. */
	@PostMapping("/staff/certificates/{number}/revocation")
	@Permissions.ManageStaff
	String revokeCertificate(@PathVariable String number, @RequestParam(defaultValue = "") String reason,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate on,
			@RequestParam(required = false) @Nullable String back, Authentication caller,
			RedirectAttributes redirect) {
		PageActions.attempt(redirect, "staffPages.certificateRevoked", () -> administration.revokeCertificate(number,
				on == null ? time.today() : on, reason, caller.getName()));
		return back != null && back.matches("/staff/[a-z0-9._-]+") ? "redirect:" + back + "#certificates"
				: "redirect:/staff/certificates";
	}

	/** The bureau's units as a tree, with how many people each has, and the form to add one. */
	@GetMapping("/staff/units")
	@Permissions.ManageStaff
	String units(Model model) {
		var counts = directory.all().stream().collect(Collectors.groupingBy(StaffMember::unitId, Collectors.counting()));
		model.addAttribute("tree", tree());
		model.addAttribute("counts", counts);
		model.addAttribute("kinds", UnitKind.values());
		return "staff/units";
	}

	@PostMapping("/staff/units")
	@Permissions.ManageStaff
	String addUnit(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) @Nullable UnitKind kind, @RequestParam(required = false) @Nullable UUID parent,
			Authentication caller, RedirectAttributes redirect) {
		PageActions.attempt(redirect, "staffPages.unitAdded", () -> administration.addUnit(code, name,
				kind == null ? UnitKind.SECTION : kind, parent == null ? null : new UnitId(parent), caller.getName()));
		return "redirect:/staff/units";
	}

	/** Every API token, whose it is and when it was last used (never a secret), and the form to issue one's own. */
	@GetMapping("/staff/tokens")
	@Permissions.ManageStaff
	String tokens(Model model) {
		return tokensPage(model, null);
	}

	/** Issues the administrator an API token of their own; its secret is shown on this answer only, never again. */
	@PostMapping("/staff/tokens")
	@Permissions.ManageStaff
	String issueToken(@RequestParam(defaultValue = "") String name, Authentication caller, Model model) {
		try {
			var issued = administration.issueToken(caller.getName(), name, null);
			model.addAttribute("done", "staffPages.tokenIssued");
			return tokensPage(model, issued);
		}
		catch (DomainException e) {
			model.addAttribute("error", FormError.of(e, Set.of("name")).message());
			return tokensPage(model, null);
		}
	}

	@PostMapping("/staff/tokens/{id}/revocation")
	@Permissions.ManageStaff
	String revokeToken(@PathVariable UUID id, Authentication caller, RedirectAttributes redirect) {
		PageActions.attempt(redirect, "staffPages.tokenRevoked", () -> administration.revokeToken(id, caller.getName()));
		return "redirect:/staff/tokens";
	}

	private String tokensPage(Model model, ApiToken.@Nullable Issued issued) {
		var people = directory.all().stream().collect(Collectors.toMap(StaffMember::id, m -> m));
		var units = unitNames();
		var now = time.now();
		model.addAttribute("rows", tokens.all().stream().map(t -> {
			var owner = people.get(t.owner());
			return new TokenRow(t, owner == null ? "" : owner.name(),
					owner == null ? "" : units.getOrDefault(owner.unitId(), ""),
					owner != null && owner.holds(Role.STATION),
					t.revokedAt() == null && (t.expiresAt() == null || now.isBefore(t.expiresAt())),
					time.local(t.createdAt()).toLocalDateTime().withNano(0),
					t.lastUsedAt() == null ? null : time.local(t.lastUsedAt()).toLocalDateTime().withNano(0),
					t.expiresAt() == null ? null : time.local(t.expiresAt()).toLocalDateTime().withNano(0));
		}).toList());
		model.addAttribute("issued", issued);
		return "staff/tokens";
	}

	private String personForm(Model model, PersonForm form, List<FormError> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", new FieldErrors(errors));
		model.addAttribute("units", tree());
		model.addAttribute("roles", assignableRoles());
		return "staff/new";
	}

	private Map<UnitId, String> unitNames() {
		return directory.units().stream().collect(Collectors.toMap(Unit::id, Unit::name));
	}

	private Map<StaffId, Set<Role>> pendingRoles() {
		return administration.roleChanges(RoleChange.Status.PENDING, 0).stream()
			.collect(Collectors.toMap(RoleChange::staffId, c -> (Set<Role>) EnumSet.copyOf(c.roles()), (a, b) -> {
				var both = EnumSet.copyOf(a);
				both.addAll(b);
				return both;
			}));
	}

	/** The units depth first from the bureau down, each with its depth. */
	private List<UnitNode> tree() {
		var all = directory.units();
		var children = all.stream().filter(u -> u.parentId() != null)
			.collect(Collectors.groupingBy(Unit::parentId));
		var ids = all.stream().map(Unit::id).collect(Collectors.toSet());
		var out = new ArrayList<UnitNode>();
		all.stream().filter(u -> u.parentId() == null || !ids.contains(u.parentId()))
			.sorted(Comparator.comparing(Unit::code)).forEach(root -> walk(root, 0, children, out));
		return out;
	}

	private static void walk(Unit unit, int depth, Map<UnitId, List<Unit>> children, List<UnitNode> out) {
		if (out.stream().anyMatch(n -> n.unit().id().equals(unit.id()))) {
			return;
		}
		out.add(new UnitNode(unit, depth));
		children.getOrDefault(unit.id(), List.of()).stream().sorted(Comparator.comparing(Unit::code))
			.forEach(child -> walk(child, depth + 1, children, out));
	}

	private static List<Role> assignableRoles() {
		return EnumSet.complementOf(EnumSet.of(Role.STATION)).stream().toList();
	}

	private static List<Role> sorted(Set<Role> roles) {
		return roles.stream().sorted().toList();
	}

	private static String path(String username) {
		return UriUtils.encodePathSegment(username, java.nio.charset.StandardCharsets.UTF_8);
	}

	/** A unit and how deep it sits in the tree. */
	record UnitNode(Unit unit, int depth) {
	}

	record PersonRow(StaffMember member, String unitName, List<Role> roles, List<Role> pendingRoles, boolean locked,
			Qualification today) {
	}

	/** A certificate as the pages show it: valid, ending within 30 days, expired, revoked or not yet valid. */
	record CertificateRow(EnforcementCertificate certificate, String holderUsername, String holderName,
			String unitName, String state, long daysLeft) {

		static CertificateRow of(EnforcementCertificate c, @Nullable StaffMember holder, String unitName,
				LocalDate today) {
			var daysLeft = java.time.temporal.ChronoUnit.DAYS.between(today, c.validTo());
			String state;
			if (c.revokedOn() != null && !today.isBefore(c.revokedOn())) {
				state = "revoked";
			}
			else if (today.isAfter(c.validTo())) {
				state = "expired";
			}
			else if (today.isBefore(c.validFrom())) {
				state = "future";
			}
			else if (daysLeft <= EXPIRY_WARNING_DAYS) {
				state = "expiring";
			}
			else {
				state = "valid";
			}
			return new CertificateRow(c, holder == null ? "" : holder.username(), holder == null ? "" : holder.name(),
					unitName, state, daysLeft);
		}

		int urgency() {
			return switch (state) {
				case "expired" -> 0;
				case "expiring" -> 1;
				case "future" -> 2;
				case "valid" -> 3;
				default -> 4;
			};
		}

		public boolean live() {
			return !state.equals("revoked") && !state.equals("expired");
		}
	}

	record TokenRow(ApiToken token, String ownerName, String unitName, boolean station, boolean live,
			java.time.LocalDateTime createdAt, java.time.@Nullable LocalDateTime lastUsedAt,
			java.time.@Nullable LocalDateTime expiresAt) {
	}

	/** Every refusal of a form, so each field shows its own and the rest show above the form. */
	record FieldErrors(List<FormError> all) {

		public boolean any() {
			return !all.isEmpty();
		}

		public boolean on(String field) {
			return all.stream().anyMatch(e -> e.on(field));
		}

		public List<String> of(String field) {
			return all.stream().filter(e -> e.on(field)).map(FormError::message).toList();
		}

		public List<String> general() {
			return all.stream().filter(e -> e.field() == null).map(FormError::message).toList();
		}
	}

	/** The add-a-person form as typed; the certificate part counts only when any of it is filled in. */
	static final class PersonForm {

		private String name = "";
		private String username = "";
		private String staffNumber = "";
		private @Nullable UUID unitId;
		private boolean permanent = true;
		private List<Role> roles = new ArrayList<>();
		private String password = "";
		private String certificateNumber = "";
		private String certificateIssuer = "";
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private @Nullable LocalDate certificateValidFrom;
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private @Nullable LocalDate certificateValidTo;

		static PersonForm empty() {
			var form = new PersonForm();
			form.roles.add(Role.OFFICER);
			return form;
		}

		StaffAdministration.NewPerson person() {
			var withCertificate = !certificateNumber.isBlank() || !certificateIssuer.isBlank()
					|| certificateValidFrom != null || certificateValidTo != null;
			return new StaffAdministration.NewPerson(username.strip(), name, staffNumber,
					unitId == null ? null : new UnitId(unitId), permanent,
					roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles), password,
					withCertificate ? new StaffAdministration.NewCertificate(certificateNumber, certificateIssuer,
							certificateValidFrom, certificateValidTo) : null);
		}

		public boolean has(Role role) {
			return roles.contains(role);
		}

		public String getName() {
			return name;
		}

		public void setName(@Nullable String name) {
			this.name = name == null ? "" : name;
		}

		public String getUsername() {
			return username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username == null ? "" : username;
		}

		public String getStaffNumber() {
			return staffNumber;
		}

		public void setStaffNumber(@Nullable String staffNumber) {
			this.staffNumber = staffNumber == null ? "" : staffNumber;
		}

		public @Nullable UUID getUnitId() {
			return unitId;
		}

		public void setUnitId(@Nullable UUID unitId) {
			this.unitId = unitId;
		}

		public boolean isPermanent() {
			return permanent;
		}

		public void setPermanent(boolean permanent) {
			this.permanent = permanent;
		}

		public List<Role> getRoles() {
			return roles;
		}

		public void setRoles(@Nullable List<Role> roles) {
			this.roles = roles == null ? new ArrayList<>() : new ArrayList<>(roles);
		}

		public String getPassword() {
			return password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password == null ? "" : password;
		}

		public String getCertificateNumber() {
			return certificateNumber;
		}

		public void setCertificateNumber(@Nullable String certificateNumber) {
			this.certificateNumber = certificateNumber == null ? "" : certificateNumber;
		}

		public String getCertificateIssuer() {
			return certificateIssuer;
		}

		public void setCertificateIssuer(@Nullable String certificateIssuer) {
			this.certificateIssuer = certificateIssuer == null ? "" : certificateIssuer;
		}

		public @Nullable LocalDate getCertificateValidFrom() {
			return certificateValidFrom;
		}

		public void setCertificateValidFrom(@Nullable LocalDate from) {
			this.certificateValidFrom = from;
		}

		public @Nullable LocalDate getCertificateValidTo() {
			return certificateValidTo;
		}

		public void setCertificateValidTo(@Nullable LocalDate to) {
			this.certificateValidTo = to;
		}
	}
}
