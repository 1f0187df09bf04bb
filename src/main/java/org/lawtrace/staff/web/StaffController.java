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
import org.lawtrace.staff.Qualification;
import org.lawtrace.staff.Role;
import org.lawtrace.staff.StaffAdministration;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.lawtrace.staff.Unit;
import org.lawtrace.staff.UnitKind;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

/** The staff directory over REST: everyone signed in may read it; only the administrator changes it. */
@RestController
@RequestMapping("/api/v1")
class StaffController {

	static final String ANY_STAFF = "hasAnyRole('OFFICER','ASSISTANT','CUSTODIAN','LEGAL_AFFAIRS','DEPUTY_DIRECTOR',"
			+ "'DIRECTOR','DISCIPLINE','ADMIN')";

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

	@GetMapping("/staff")
	@PreAuthorize(ANY_STAFF)
	List<StaffView> staff() {
		var units = directory.units();
		return directory.all().stream().map(m -> StaffView.of(m, units)).toList();
	}

	@GetMapping("/staff/{username}")
	@PreAuthorize(ANY_STAFF)
	StaffView member(@PathVariable String username) {
		return StaffView.of(directory.require(username), directory.units());
	}

	@GetMapping("/staff/{username}/certificates")
	@PreAuthorize(ANY_STAFF)
	List<EnforcementCertificate> certificates(@PathVariable String username) {
		return directory.certificates(directory.require(username).id());
	}

	/** ART-08: was this person qualified on the day (today if not given). */
	@GetMapping("/staff/{username}/qualification")
	@PreAuthorize(ANY_STAFF)
	Qualification qualification(@PathVariable String username,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date) {
		return directory.qualificationOn(username, date == null ? time.today() : date);
	}

	@GetMapping("/units")
	@PreAuthorize(ANY_STAFF)
	List<Unit> units() {
		return directory.units();
	}

	@PostMapping("/units")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Unit> addUnit(@Valid @RequestBody NewUnit body) {
		var unit = administration.addUnit(body.code(), body.name(), body.nameEn(), body.kind(),
				body.parentId() == null ? null : new UnitId(body.parentId()));
		return ResponseEntity.created(URI.create("/api/v1/units/" + unit.id())).body(unit);
	}

	@PostMapping("/staff")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<StaffView> register(@Valid @RequestBody NewStaff body) {
		var member = administration.register(body.username(), body.name(), body.staffNumber(),
				new UnitId(body.unitId()), body.permanent(), body.roles(), body.password());
		return ResponseEntity.created(URI.create("/api/v1/staff/" + member.username()))
			.body(StaffView.of(member, directory.units()));
	}

	@PostMapping("/staff/{username}/certificates")
	@PreAuthorize("hasRole('ADMIN')")
	@ResponseStatus(HttpStatus.CREATED)
	EnforcementCertificate issue(@PathVariable String username, @Valid @RequestBody NewCertificate body) {
		return administration.issueCertificate(directory.require(username).id(), body.number(), body.issuer(),
				body.validFrom(), body.validTo());
	}

	@PostMapping("/certificates/{number}/revocation")
	@PreAuthorize("hasRole('ADMIN')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@PathVariable String number, @Valid @RequestBody Revocation body) {
		administration.revokeCertificate(number, body.on() == null ? time.today() : body.on(), body.reason());
	}

	@GetMapping("/staff/me/tokens")
	@PreAuthorize(ANY_STAFF)
	List<ApiToken> myTokens(Authentication caller) {
		return tokens.ownedBy(directory.require(caller.getName()).id());
	}

	@PostMapping("/staff/me/tokens")
	@PreAuthorize(ANY_STAFF)
	@ResponseStatus(HttpStatus.CREATED)
	IssuedToken issueToken(Authentication caller, @Valid @RequestBody NewToken body) {
		var issued = tokens.issue(directory.require(caller.getName()).id(), body.name(), body.expiresAt());
		return new IssuedToken(issued.token().id(), issued.token().name(), issued.secret(), body.expiresAt());
	}

	@DeleteMapping("/staff/me/tokens/{id}")
	@PreAuthorize(ANY_STAFF)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revokeToken(Authentication caller, @PathVariable UUID id) {
		tokens.revoke(directory.require(caller.getName()).id(), id);
	}

	record StaffView(UUID id, String username, String name, String staffNumber, UUID unitId, String unitName,
			boolean permanent, Set<Role> roles, boolean enabled) {

		static StaffView of(StaffMember m, List<Unit> units) {
			var unitName = units.stream().filter(u -> u.id().equals(m.unitId())).map(Unit::name).findFirst()
				.orElse("");
			return new StaffView(m.id().id(), m.username(), m.name(), m.staffNumber(), m.unitId().id(), unitName,
					m.permanent(), m.roles(), m.enabled());
		}
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
