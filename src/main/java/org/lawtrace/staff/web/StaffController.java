package org.lawtrace.staff.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.UnitId;
import org.lawtrace.staff.ApiToken;
import org.lawtrace.staff.ApiTokens;
import org.lawtrace.staff.EnforcementCertificate;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The staff directory over REST: everyone signed in may read it; only the administrator changes it, and evidence
 * roles the administrator gives wait for the director's confirmation (two-person rule).
 */
@RestController
@RequestMapping("/api/v1")
class StaffController {

	private final StaffDirectory directory;
	private final StaffAdministration administration;
	private final ApiTokens tokens;
	private final BureauTime time;

	StaffController(StaffDirectory directory, StaffAdministration administration, ApiTokens tokens,
			BureauTime time) {
		this.directory = directory;
		this.administration = administration;
		this.tokens = tokens;
		this.time = time;
	}

	/** Everyone on the staff, with unit and roles. */
	@GetMapping("/staff")
	@Permissions.SeeStaff
	List<StaffView> staff() {
		var units = directory.units();
		return directory.all().stream().map(m -> StaffView.of(m, units)).toList();
	}

	/** One person, with unit, roles and any role change waiting for the director. */
	@GetMapping("/staff/{username}")
	@Permissions.SeeStaff
	StaffView member(@PathVariable String username) {
		return view(directory.require(username));
	}

	/** A person's enforcement certificates (执法证), with validity and any revocation (ART-07). */
	@GetMapping("/staff/{username}/certificates")
	@Permissions.SeeStaff
	List<EnforcementCertificate> certificates(@PathVariable String username) {
		return directory.certificates(directory.require(username).id());
	}

	/** ART-08: was this person qualified on the day (today if not given). */
	@GetMapping("/staff/{username}/qualification")
	@Permissions.SeeStaff
	Qualification qualification(@PathVariable String username,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date) {
		return directory.qualificationOn(username, date == null ? time.today() : date);
	}

	/** The bureau's units (a tree). */
	@GetMapping("/units")
	@Permissions.SeeStaff
	List<Unit> units() {
		return directory.units();
	}

	/** Adds a unit to the bureau's tree. */
	@PostMapping("/units")
	@Permissions.ManageStaff
	ResponseEntity<Unit> addUnit(@Valid @RequestBody NewUnit body) {
		var unit = administration.addUnit(body.code(), body.name(), body.nameEn(), body.kind(),
				body.parentId() == null ? null : new UnitId(body.parentId()));
		return ResponseEntity.created(URI.create("/api/v1/units/" + unit.id())).body(unit);
	}

	/**
	 * GB/T 22239-2019: the password must meet the policy (422 naming {@code password}) and be changed at the first
	 * sign-in; ART-20: evidence roles are listed as {@code pendingRoles} until the director confirms them.
	 */
	@PostMapping("/staff")
	@Permissions.ManageStaff
	ResponseEntity<StaffView> register(@Valid @RequestBody NewStaff body, Authentication caller) {
		var registered = administration.register(body.username(), body.name(), body.staffNumber(),
				new UnitId(body.unitId()), body.permanent(), body.roles(), body.password(), caller.getName());
		return ResponseEntity.created(URI.create("/api/v1/staff/" + registered.member().username()))
			.body(view(registered.member()));
	}

	/**
	 * Sets a person's roles: 200 with the person when it takes effect at once, 202 with the waiting change when it
	 * gives an evidence role, which takes effect only once the director confirms it (two-person rule).
	 */
	@PutMapping("/staff/{username}/roles")
	@Permissions.ManageStaff
	ResponseEntity<?> changeRoles(@PathVariable String username, @Valid @RequestBody NewRoles body,
			Authentication caller) {
		var waiting = administration.changeRoles(username, body.roles(), caller.getName());
		if (waiting == null) {
			return ResponseEntity.ok(view(directory.require(username)));
		}
		return ResponseEntity.accepted().location(URI.create("/api/v1/staff/role-changes/" + waiting.id()))
			.body(RoleChangeView.of(waiting, directory));
	}

	/** Role changes: the waiting ones and those decided in the last 30 days, or those of one status. */
	@GetMapping("/staff/role-changes")
	@Permissions.SeeRoleChanges
	List<RoleChangeView> roleChanges(@RequestParam(required = false) RoleChange.@Nullable Status status) {
		return administration.roleChanges(status, 30).stream().map(c -> RoleChangeView.of(c, directory)).toList();
	}

	/** The director confirms a role change the administrator asked for (two-person rule); it takes effect now. */
	@PostMapping("/staff/role-changes/{id}/confirmation")
	@Permissions.ConfirmRoleChanges
	RoleChangeView confirm(@PathVariable UUID id, Authentication caller) {
		return RoleChangeView.of(administration.confirmRoleChange(id, caller.getName()), directory);
	}

	/** The director refuses a role change the administrator asked for, with an optional reason. */
	@PostMapping("/staff/role-changes/{id}/refusal")
	@Permissions.ConfirmRoleChanges
	RoleChangeView refuse(@PathVariable UUID id, @Valid @RequestBody(required = false) @Nullable Refusal body,
			Authentication caller) {
		return RoleChangeView.of(
				administration.refuseRoleChange(id, caller.getName(), body == null ? null : body.reason()), directory);
	}

	/** The administrator sets a new password (policy applies), which its owner must change at the next sign-in. */
	@PostMapping("/staff/{username}/password")
	@Permissions.ManageStaff
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void resetPassword(@PathVariable String username, @Valid @RequestBody NewPassword body, Authentication caller) {
		administration.resetPassword(username, body.password(), caller.getName());
	}

	/** Lifts the refusal of sign-ins to an account after failed passwords, from every address. */
	@PostMapping("/staff/{username}/unlock")
	@Permissions.UnlockAccounts
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unlock(@PathVariable String username, Authentication caller) {
		administration.unlock(username, caller.getName());
	}

	/**
	 * Changes one's own password, proving the current one; the only call an account whose password must be changed
	 * may make.
	 */
	@PostMapping("/staff/me/password")
	@Permissions.SignedIn
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void changeOwnPassword(@Valid @RequestBody PasswordChange body, Authentication caller) {
		administration.changeOwnPassword(caller.getName(), body.currentPassword(), body.newPassword());
	}

	private StaffView view(StaffMember member) {
		return StaffView.of(member, directory.units(), administration.roleChanges(RoleChange.Status.PENDING, 0)
			.stream().filter(c -> c.staffId().equals(member.id())).flatMap(c -> c.roles().stream())
			.collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(Role.class))));
	}

	/** Records an enforcement certificate issued to a person (ART-07). Answers 201 with it. */
	@PostMapping("/staff/{username}/certificates")
	@Permissions.ManageStaff
	@ResponseStatus(HttpStatus.CREATED)
	EnforcementCertificate issue(@PathVariable String username, @Valid @RequestBody NewCertificate body) {
		return administration.issueCertificate(directory.require(username).id(), body.number(), body.issuer(),
				body.validFrom(), body.validTo());
	}

	/**
	 * Revokes an enforcement certificate from a day, with the reason; the holder is no longer qualified from then
	 * (ART-07, ART-08).
	 */
	@PostMapping("/certificates/{number}/revocation")
	@Permissions.ManageStaff
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@PathVariable String number, @Valid @RequestBody Revocation body) {
		administration.revokeCertificate(number, body.on() == null ? time.today() : body.on(), body.reason());
	}

	/** The caller's own API tokens (never their secrets). */
	@GetMapping("/staff/me/tokens")
	@Permissions.ManageOwnTokens
	List<ApiToken> myTokens(Authentication caller) {
		return tokens.ownedBy(directory.require(caller.getName()).id());
	}

	/** Issues an API token to the caller; the secret is shown once, in this answer. Answers 201. */
	@PostMapping("/staff/me/tokens")
	@Permissions.ManageOwnTokens
	@ResponseStatus(HttpStatus.CREATED)
	IssuedToken issueToken(Authentication caller, @Valid @RequestBody NewToken body) {
		var issued = tokens.issue(directory.require(caller.getName()).id(), body.name(), body.expiresAt());
		return new IssuedToken(issued.token().id(), issued.token().name(), issued.secret(), body.expiresAt());
	}

	/** Revokes one of the caller's own API tokens at once. */
	@DeleteMapping("/staff/me/tokens/{id}")
	@Permissions.ManageOwnTokens
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revokeToken(Authentication caller, @PathVariable UUID id) {
		tokens.revoke(directory.require(caller.getName()).id(), id);
	}

	record StaffView(UUID id, String username, String name, String staffNumber, UUID unitId, String unitName,
			boolean permanent, Set<Role> roles, Set<Role> pendingRoles, boolean enabled) {

		static StaffView of(StaffMember m, List<Unit> units) {
			return of(m, units, Set.of());
		}

		static StaffView of(StaffMember m, List<Unit> units, Set<Role> pendingRoles) {
			var unitName = units.stream().filter(u -> u.id().equals(m.unitId())).map(Unit::name).findFirst()
				.orElse("");
			return new StaffView(m.id().id(), m.username(), m.name(), m.staffNumber(), m.unitId().id(), unitName,
					m.permanent(), m.roles(), pendingRoles, m.enabled());
		}
	}

	record RoleChangeView(UUID id, String username, String name, Set<Role> roles, String requestedBy,
			Instant requestedAt, RoleChange.Status status, @Nullable String decidedBy, @Nullable Instant decidedAt,
			@Nullable String reason) {

		static RoleChangeView of(RoleChange c, StaffDirectory directory) {
			var member = directory.byId(c.staffId());
			return new RoleChangeView(c.id(), member.map(StaffMember::username).orElse(""),
					member.map(StaffMember::name).orElse(""), c.roles(), username(c.requestedBy(), directory),
					c.requestedAt(), c.status(), c.decidedBy() == null ? null : username(c.decidedBy(), directory),
					c.decidedAt(), c.reason());
		}

		private static String username(org.lawtrace.shared.StaffId id, StaffDirectory directory) {
			return directory.byId(id).map(StaffMember::username).orElse(id.toString());
		}
	}

	record NewRoles(@NotEmpty Set<Role> roles) {
	}

	record Refusal(@Nullable @Size(max = 200) String reason) {
	}

	record NewPassword(@NotBlank @Size(max = 200) String password) {
	}

	record PasswordChange(@NotBlank @Size(max = 200) String currentPassword,
			@NotBlank @Size(max = 200) String newPassword) {
	}

	record NewUnit(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 100) String name,
			@Nullable String nameEn, @NotNull UnitKind kind, @Nullable UUID parentId) {
	}

	record NewStaff(@NotBlank String username, @NotBlank @Size(max = 60) String name,
			@NotBlank @Size(max = 30) String staffNumber, @NotNull UUID unitId, boolean permanent,
			@NotEmpty Set<Role> roles, @Nullable String password) {
	}

	record NewCertificate(@NotBlank @Size(max = 40) String number, @NotBlank @Size(max = 100) String issuer,
			@NotNull LocalDate validFrom, @NotNull LocalDate validTo) {
	}

	record Revocation(@Nullable LocalDate on, @NotBlank @Size(max = 200) String reason) {
	}

	record NewToken(@NotBlank @Size(max = 100) String name, @Nullable Instant expiresAt) {
	}

	record IssuedToken(UUID id, String name, String token, @Nullable Instant expiresAt) {
	}
}
