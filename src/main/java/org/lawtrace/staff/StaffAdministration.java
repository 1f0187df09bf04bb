package org.lawtrace.staff;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.DomainException;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.NotPermitted;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the bureau's organisation, staff, certificates, charges and accounts: the administrator's side of the
 * module, with the director's confirmation of evidence roles (two-person rule) and each person's own password.
 * Every account and role change is published as {@link AccountChanged} for the audit log (ART-22).
 */
@Service
@Transactional
public class StaffAdministration {

	private static final String MACHINE_PREFIX = "ST-";
	private static final String USERNAME = "[a-z0-9][a-z0-9._-]{1,59}";

	private final Units units;
	private final StaffMembers members;
	private final Certificates certificates;
	private final PasswordEncoder passwords;
	private final BureauTime time;
	private final PasswordPolicy policy;
	private final RoleChanges roleChanges;
	private final LoginFailures loginFailures;
	private final ApplicationEventPublisher events;
	private final boolean demo;
	private final Suspensions suspensions;
	private final ApiTokens tokens;

	StaffAdministration(Units units, StaffMembers members, Certificates certificates, PasswordEncoder passwords,
			BureauTime time, PasswordPolicy policy, RoleChanges roleChanges, LoginFailures loginFailures,
			ApplicationEventPublisher events, @Value("${lawtrace.demo:false}") boolean demo, Suspensions suspensions,
			ApiTokens tokens) {
		this.suspensions = suspensions;
		this.tokens = tokens;
		this.units = units;
		this.members = members;
		this.certificates = certificates;
		this.passwords = passwords;
		this.time = time;
		this.policy = policy;
		this.roleChanges = roleChanges;
		this.loginFailures = loginFailures;
		this.events = events;
		this.demo = demo;
	}

	/**
	 * Records a suspension from enforcement duty (暂停执法资格) a sanction decided (ART-22): the person is not qualified
	 * from its first to its last day (ART-08), which {@link StaffDirectory#qualificationOn} then says. The caller
	 * (the violation register) has checked that the director decided it.
	 */
	public Suspension suspend(StaffId staff, LocalDate firstDay, LocalDate lastDay, String reason, StaffId decidedBy) {
		var member = members.byId(staff).orElseThrow(() -> new NotFound("staff", staff));
		if (lastDay.isBefore(firstDay)) {
			throw new InvalidInput("suspensionTo", "暂停执法资格的截止日期不能早于起始日期 (the suspension ends before it starts)");
		}
		if (reason.isBlank()) {
			throw new InvalidInput("reason", "请说明暂停执法资格的理由 (give the reason)");
		}
		var suspension = new Suspension(UUID.randomUUID(), staff, firstDay, lastDay, reason.strip(), decidedBy,
				time.now());
		suspensions.add(suspension);
		events.publishEvent(new SuspensionRecorded(suspension, member.username()));
		return suspension;
	}

	public Unit addUnit(String code, String name, @Nullable String nameEn, UnitKind kind, @Nullable UnitId parent) {
		if (units.byCode(code).isPresent()) {
			throw new Conflict("code", "单位代码已存在 (unit code already used): " + code);
		}
		if (parent != null && units.byId(parent).isEmpty()) {
			throw new InvalidInput("parentId", "上级单位不存在 (unknown parent unit): " + parent);
		}
		var unit = new Unit(UnitId.random(), code, name, nameEn, kind, parent);
		units.add(unit);
		return unit;
	}

	/**
	 * Registers a person, as the administrator {@code registeredBy}. Their password must meet the {@link PasswordPolicy}
	 * and be changed at their first sign-in. Roles that reach evidence ({@link Role#needsDirectorConfirmation()}) are
	 * not given yet: they wait for the director as a {@link RoleChange}, returned with the member.
	 */
	public Registration register(String username, String name, String staffNumber, UnitId unit, boolean permanent,
			Set<Role> roles, @Nullable String password, String registeredBy) {
		if (roles.contains(Role.STATION)) {
			throw new InvalidInput("roles", "采集站账号随采集站登记 (station accounts are registered with their station)");
		}
		if (password != null) {
			policy.check(username, password);
		}
		var actor = require(registeredBy);
		var now = roles.stream().filter(r -> !r.needsDirectorConfirmation()).collect(toRoles());
		var waiting = roles.stream().filter(Role::needsDirectorConfirmation).collect(toRoles());
		if (roles.isEmpty()) {
			throw new InvalidInput("roles", "至少需要一个角色 (at least one role is required)");
		}
		var member = add(username, name, staffNumber, unit, permanent, now, password, password != null);
		events.publishEvent(new AccountChanged(actor.id(), AccountChanged.CREATED, username,
				"roles=" + names(now) + " permanent=" + permanent));
		var change = waiting.isEmpty() ? null : requestRoles(member, waiting, actor);
		return new Registration(member, change);
	}

	/**
	 * A person as the administrator's form describes them (any field may be missing or wrong), with the enforcement
	 * certificate registered with them, if any.
	 */
	public record NewPerson(String username, String name, String staffNumber, @Nullable UnitId unit, boolean permanent,
			Set<Role> roles, String password, @Nullable NewCertificate certificate) {
	}

	/** An enforcement certificate (执法证) as a form describes it; dates may be missing. */
	public record NewCertificate(String number, String issuer, @Nullable LocalDate validFrom,
			@Nullable LocalDate validTo) {
	}

	/**
	 * Everything that keeps {@code person} from being registered, each refusal naming its field, so a form can show
	 * them all at once; empty when {@link #register(NewPerson, String)} would succeed. The same rules
	 * {@link #register} and {@link #issueCertificate} apply, in one place.
	 */
	@Transactional(readOnly = true)
	public List<DomainException> problemsWith(NewPerson person) {
		var problems = new ArrayList<DomainException>();
		collect(problems, () -> {
			if (person.name().isBlank()) {
				throw new InvalidInput("name", "请填写姓名 (the name is required)");
			}
		});
		collect(problems, () -> {
			if (!person.username().matches(USERNAME)) {
				throw new InvalidInput("username", "登录名须为2至60位小写字母、数字或 . _ - (invalid login name)");
			}
			if (members.byUsername(person.username()).isPresent()) {
				throw new Conflict("username", "登录名已被使用 (login name already used)");
			}
		});
		collect(problems, () -> {
			if (person.staffNumber().isBlank()) {
				throw new InvalidInput("staffNumber", "请填写工号 (the staff number is required)");
			}
			if (members.staffNumberTaken(person.staffNumber().strip())) {
				throw new Conflict("staffNumber", "工号已被使用 (staff number already used)");
			}
		});
		collect(problems, () -> {
			if (person.unit() == null || units.byId(person.unit()).isEmpty()) {
				throw new InvalidInput("unitId", "请选择所在单位 (choose a unit)");
			}
		});
		collect(problems, () -> checkRoles(person.roles()));
		collect(problems, () -> policy.check(person.username(), person.password()));
		var certificate = person.certificate();
		if (certificate != null) {
			collect(problems, () -> {
				if (certificate.number().isBlank()) {
					throw new InvalidInput("certificateNumber", "请填写执法证号 (the certificate number is required)");
				}
				if (certificates.byNumber(certificate.number().strip()).isPresent()) {
					throw new Conflict("certificateNumber", "执法证号已登记 (certificate number already registered)");
				}
			});
			collect(problems, () -> {
				if (certificate.issuer().isBlank()) {
					throw new InvalidInput("certificateIssuer", "请填写发证机关 (the issuer is required)");
				}
			});
			collect(problems, () -> {
				if (certificate.validFrom() == null) {
					throw new InvalidInput("certificateValidFrom", "请填写有效期起始日 (the first day is required)");
				}
			});
			collect(problems, () -> {
				if (certificate.validTo() == null) {
					throw new InvalidInput("certificateValidTo", "请填写有效期截止日 (the last day is required)");
				}
				if (certificate.validFrom() != null && certificate.validTo().isBefore(certificate.validFrom())) {
					throw new InvalidInput("certificateValidTo",
							"有效期截止日不能早于起始日 (the last day is before the first)");
				}
			});
		}
		return problems;
	}

	/**
	 * Registers a person and the certificate given with them in one transaction, as the administrator
	 * {@code registeredBy}: the first of {@link #problemsWith} refuses it, so nothing is half-written. The
	 * password must be changed at the first sign-in; evidence roles wait for the director.
	 */
	public Registration register(NewPerson person, String registeredBy) {
		var problems = problemsWith(person);
		if (!problems.isEmpty()) {
			throw problems.get(0);
		}
		var registration = register(person.username(), person.name().strip(), person.staffNumber().strip(),
				person.unit(), person.permanent(), person.roles(), person.password(), registeredBy);
		var certificate = person.certificate();
		if (certificate != null) {
			issueCertificate(person.username(), certificate, registeredBy);
		}
		return registration;
	}

	/** Issues a certificate to a person, as the administrator {@code issuedBy}, logged (ART-07, ART-22). */
	public EnforcementCertificate issueCertificate(String username, NewCertificate certificate, String issuedBy) {
		var holder = require(username);
		var actor = require(issuedBy);
		if (certificate.validFrom() == null) {
			throw new InvalidInput("validFrom", "请填写有效期起始日 (the first day is required)");
		}
		if (certificate.validTo() == null) {
			throw new InvalidInput("validTo", "请填写有效期截止日 (the last day is required)");
		}
		if (certificate.number().isBlank()) {
			throw new InvalidInput("number", "请填写执法证号 (the certificate number is required)");
		}
		if (certificate.issuer().isBlank()) {
			throw new InvalidInput("issuer", "请填写发证机关 (the issuer is required)");
		}
		var issued = issueCertificate(holder.id(), certificate.number().strip(), certificate.issuer().strip(),
				certificate.validFrom(), certificate.validTo());
		events.publishEvent(new AccountChanged(actor.id(), AccountChanged.CERTIFICATE_ISSUED, username,
				"number=" + issued.number() + " validFrom=" + issued.validFrom() + " validTo=" + issued.validTo()));
		return issued;
	}

	/** Revokes a certificate from a day, as the administrator {@code revokedBy}, logged (ART-07, ART-22). */
	public void revokeCertificate(String number, LocalDate on, String reason, String revokedBy) {
		var actor = require(revokedBy);
		if (reason.isBlank()) {
			throw new InvalidInput("reason", "请说明注销理由 (give the reason)");
		}
		var certificate = certificates.byNumber(number).orElseThrow(() -> new NotFound("certificate", number));
		revokeCertificate(number, on, reason.strip());
		var holder = members.byId(certificate.holder()).map(StaffMember::username).orElse("");
		events.publishEvent(new AccountChanged(actor.id(), AccountChanged.CERTIFICATE_REVOKED, holder,
				"number=" + number + " on=" + on + " reason=" + reason.strip()));
	}

	/**
	 * Disables or enables an account, as the administrator {@code changedBy}: a disabled account signs in neither
	 * with a password nor with a token; staff are never deleted. Nobody disables their own account.
	 */
	public void setEnabled(String username, boolean enabled, String changedBy) {
		var member = require(username);
		var actor = require(changedBy);
		if (!enabled && actor.id().equals(member.id())) {
			throw new Conflict("enabled", "不能停用自己的账号 (you cannot disable your own account)");
		}
		if (member.enabled() == enabled) {
			return;
		}
		members.setEnabled(member.id(), enabled);
		events.publishEvent(new AccountChanged(actor.id(), enabled ? AccountChanged.ENABLED : AccountChanged.DISABLED,
				username, ""));
	}

	/** The login names of the accounts refused sign-ins now (locked after failed passwords, from any address). */
	@Transactional(readOnly = true)
	public Set<String> lockedAccounts() {
		return members.lockedAt(time.now());
	}

	/** Adds a unit, as the administrator {@code addedBy}, logged. */
	public Unit addUnit(String code, String name, UnitKind kind, @Nullable UnitId parent, String addedBy) {
		var actor = require(addedBy);
		if (code.isBlank()) {
			throw new InvalidInput("code", "请填写单位代码 (the unit code is required)");
		}
		if (name.isBlank()) {
			throw new InvalidInput("name", "请填写单位名称 (the unit name is required)");
		}
		var unit = addUnit(code.strip(), name.strip(), null, kind, parent);
		events.publishEvent(new UnitAdded(actor.id(), unit));
		return unit;
	}

	/** Issues an API token to the caller {@code username}, logged; the secret is in the answer only. */
	public ApiToken.Issued issueToken(String username, String name, java.time.@Nullable Instant expiresAt) {
		var owner = require(username);
		var issued = tokens.issue(owner.id(), name, expiresAt);
		events.publishEvent(new AccountChanged(owner.id(), AccountChanged.TOKEN_ISSUED, username,
				"token=" + issued.token().id() + " name=" + issued.token().name()));
		return issued;
	}

	/**
	 * Revokes anyone's API token, as the administrator {@code revokedBy} (a lost station laptop, a person who
	 * left), logged.
	 */
	public void revokeToken(java.util.UUID tokenId, String revokedBy) {
		var actor = require(revokedBy);
		var token = tokens.byId(tokenId).orElseThrow(() -> new NotFound("token", tokenId));
		tokens.revoke(token.owner(), tokenId);
		var owner = members.byId(token.owner()).map(StaffMember::username).orElse("");
		events.publishEvent(new AccountChanged(actor.id(), AccountChanged.TOKEN_REVOKED, owner,
				"token=" + tokenId + " name=" + token.name()));
	}

	private static void collect(List<DomainException> problems, Runnable check) {
		try {
			check.run();
		}
		catch (DomainException e) {
			problems.add(e);
		}
	}

	private static void checkRoles(Set<Role> roles) {
		if (roles.contains(Role.STATION)) {
			throw new InvalidInput("roles", "采集站账号随采集站登记 (station accounts are registered with their station)");
		}
		if (roles.isEmpty()) {
			throw new InvalidInput("roles", "至少需要一个角色 (at least one role is required)");
		}
	}

	/** A registered member, and the roles of theirs still waiting for the director, if any. */
	public record Registration(StaffMember member, @Nullable RoleChange pending) {
	}

	/**
	 * Seeds a demo account (password {@code demo}, all its roles at once, no change required): only when the demo
	 * bureau is on, since it bypasses the password policy and the two-person rule.
	 */
	public StaffMember registerDemoAccount(String username, String name, String staffNumber, UnitId unit,
			boolean permanent, Set<Role> roles, String password) {
		if (!demo) {
			throw new IllegalStateException("demo accounts are seeded only with lawtrace.demo=true");
		}
		var member = add(username, name, staffNumber, unit, permanent, roles, password, false);
		events.publishEvent(new AccountChanged(null, AccountChanged.CREATED, username,
				"roles=" + names(roles) + " demo=true"));
		return member;
	}

	/**
	 * Registers the account a machine (a collection station, 采集站) signs in with: no password, so only API tokens
	 * work; not permanent staff and holding only {@link Role#STATION}, so it can never count as a person who records.
	 * Its staff number is generated ({@code ST-0001}, {@code ST-0002} …).
	 */
	public StaffMember registerMachineAccount(String username, String name, UnitId unit) {
		var next = members.countStaffNumbersStartingWith(MACHINE_PREFIX) + 1;
		while (members.staffNumberTaken(machineNumber(next))) {
			next++;
		}
		var member = add(username, name, machineNumber(next), unit, false, Set.of(Role.STATION), null, false);
		events.publishEvent(new AccountChanged(null, AccountChanged.CREATED, username, "roles=STATION machine=true"));
		return member;
	}

	private static String machineNumber(int n) {
		return MACHINE_PREFIX + String.format("%04d", n);
	}

	private StaffMember add(String username, String name, String staffNumber, UnitId unit, boolean permanent,
			Set<Role> roles, @Nullable String password, boolean passwordChangeRequired) {
		if (!username.matches(USERNAME)) {
			throw new InvalidInput("username", "用户名只能包含小写字母、数字和 . _ - (invalid username): " + username);
		}
		if (members.byUsername(username).isPresent()) {
			throw new Conflict("username", "用户名已存在 (username already used): " + username);
		}
		if (members.staffNumberTaken(staffNumber)) {
			throw new Conflict("staffNumber", "工号已存在 (staff number already used): " + staffNumber);
		}
		if (units.byId(unit).isEmpty()) {
			throw new InvalidInput("unitId", "单位不存在 (unknown unit): " + unit);
		}
		var member = new StaffMember(StaffId.random(), username, name, staffNumber, unit, permanent, roles, true);
		members.add(member, password == null ? null : passwords.encode(password), passwordChangeRequired, time.now());
		return member;
	}

	public EnforcementCertificate issueCertificate(StaffId holder, String number, String issuer, LocalDate validFrom,
			LocalDate validTo) {
		if (members.byId(holder).isEmpty()) {
			throw new NotFound("staff", holder);
		}
		if (validTo.isBefore(validFrom)) {
			throw new InvalidInput("validTo", "有效期截止日不能早于起始日 (validTo is before validFrom)");
		}
		if (certificates.byNumber(number).isPresent()) {
			throw new Conflict("number", "执法证号已存在 (certificate number already registered): " + number);
		}
		var certificate = new EnforcementCertificate(UUID.randomUUID(), holder, number, issuer, validFrom, validTo,
				null, null);
		certificates.add(certificate);
		return certificate;
	}

	public void revokeCertificate(String number, LocalDate on, String reason) {
		var certificate = certificates.byNumber(number).orElseThrow(() -> new NotFound("certificate", number));
		if (certificate.revokedOn() != null) {
			throw new Conflict("number", "执法证已注销 (certificate already revoked): " + number);
		}
		certificates.revoke(certificate.id(), on, reason);
	}

	public void putInCharge(StaffId deputy, UnitId unit) {
		var member = members.byId(deputy).orElseThrow(() -> new NotFound("staff", deputy));
		if (!member.holds(Role.DEPUTY_DIRECTOR)) {
			throw new InvalidInput("deputy", "只有分管副局长可分管单位 (only a deputy director can be in charge of units)");
		}
		units.putInCharge(deputy, unit);
	}

	/**
	 * Sets a person's roles, as the administrator {@code changedBy}. Taking roles away and giving roles that reach no
	 * evidence take effect at once; roles that do ({@link Role#needsDirectorConfirmation()}) wait for the director,
	 * and the waiting change is returned.
	 */
	public @Nullable RoleChange changeRoles(String username, Set<Role> roles, String changedBy) {
		var member = require(username);
		var actor = require(changedBy);
		if (roles.contains(Role.STATION) || member.holds(Role.STATION)) {
			throw new InvalidInput("roles", "采集站账号的角色不能更改 (a station's role cannot be given or changed)");
		}
		if (roles.isEmpty()) {
			throw new InvalidInput("roles", "至少需要一个角色 (at least one role is required)");
		}
		var removed = member.roles().stream().filter(r -> !roles.contains(r)).collect(toRoles());
		var added = roles.stream().filter(r -> !member.holds(r)).collect(toRoles());
		var now = added.stream().filter(r -> !r.needsDirectorConfirmation()).collect(toRoles());
		var waiting = added.stream().filter(Role::needsDirectorConfirmation).collect(toRoles());
		if (!waiting.isEmpty() && !roleChanges.pendingFor(member.id()).isEmpty()) {
			throw new Conflict("roles", "该账号已有待局长确认的角色变更 (a role change of this account is waiting for the "
					+ "director)");
		}
		if (!removed.isEmpty() || !now.isEmpty()) {
			members.removeRoles(member.id(), removed);
			members.addRoles(member.id(), now);
			events.publishEvent(new AccountChanged(actor.id(), AccountChanged.ROLES_CHANGED, username,
					"added=" + names(now) + " removed=" + names(removed)));
		}
		return waiting.isEmpty() ? null : requestRoles(member, waiting, actor);
	}

	private RoleChange requestRoles(StaffMember member, Set<Role> roles, StaffMember actor) {
		var change = new RoleChange(UUID.randomUUID(), member.id(), roles, actor.id(), time.now(),
				RoleChange.Status.PENDING, null, null, null);
		roleChanges.add(change);
		events.publishEvent(new AccountChanged(actor.id(), AccountChanged.ROLE_CHANGE_REQUESTED, member.username(),
				"change=" + change.id() + " roles=" + names(roles)));
		return change;
	}

	/**
	 * The director confirms a waiting role change, which gives the roles. Nobody confirms a change to their own
	 * account, nor one they asked for themselves: the second person must be another.
	 */
	public RoleChange confirmRoleChange(UUID id, String directorUsername) {
		var change = pending(id);
		var director = decider(directorUsername, change, AccountChanged.ROLE_CHANGE_CONFIRMED);
		var member = members.byId(change.staffId()).orElseThrow(() -> new NotFound("staff", change.staffId()));
		if (director.id().equals(change.staffId())) {
			var others = members.all().stream()
				.anyMatch(m -> m.enabled() && m.holds(Role.DIRECTOR) && !m.id().equals(director.id()));
			var why = others ? "不能确认自己账号的角色变更，须由另一位局长确认 (a change to your own account must be confirmed by "
					+ "another director)"
					: "不能确认自己账号的角色变更，且没有另一位局长可以确认 (a change to your own account needs another "
							+ "director, and there is none)";
			throw refused(director, AccountChanged.ROLE_CHANGE_CONFIRMED, member.username(), change, why);
		}
		if (!roleChanges.decide(id, RoleChange.Status.CONFIRMED, director.id(), time.now(), null)) {
			throw new Conflict("id", "该角色变更已处理 (this role change was already decided)");
		}
		members.addRoles(change.staffId(), change.roles());
		events.publishEvent(new AccountChanged(director.id(), AccountChanged.ROLE_CHANGE_CONFIRMED, member.username(),
				"change=" + id + " roles=" + names(change.roles()) + " requestedBy=" + change.requestedBy()));
		return roleChanges.byId(id).orElseThrow();
	}

	/** The director turns a waiting role change down; the roles are never given. */
	public RoleChange refuseRoleChange(UUID id, String directorUsername, @Nullable String reason) {
		var change = pending(id);
		var director = decider(directorUsername, change, AccountChanged.ROLE_CHANGE_REFUSED);
		var member = members.byId(change.staffId()).orElseThrow(() -> new NotFound("staff", change.staffId()));
		if (!roleChanges.decide(id, RoleChange.Status.REFUSED, director.id(), time.now(), reason)) {
			throw new Conflict("id", "该角色变更已处理 (this role change was already decided)");
		}
		events.publishEvent(new AccountChanged(director.id(), AccountChanged.ROLE_CHANGE_REFUSED, member.username(),
				"change=" + id + " roles=" + names(change.roles()) + (reason == null ? "" : " reason=" + reason)));
		return roleChanges.byId(id).orElseThrow();
	}

	private RoleChange pending(UUID id) {
		var change = roleChanges.byId(id).orElseThrow(() -> new NotFound("roleChange", id));
		if (!change.pending()) {
			throw new Conflict("id", "该角色变更已处理 (this role change was already decided)");
		}
		return change;
	}

	private StaffMember decider(String username, RoleChange change, String action) {
		var director = require(username);
		var target = members.byId(change.staffId()).map(StaffMember::username).orElse(change.staffId().toString());
		if (!director.holds(Role.DIRECTOR)) {
			throw refused(director, action, target, change, "只有局长可以确认角色变更 (only the director decides role changes)");
		}
		if (director.id().equals(change.requestedBy())) {
			throw refused(director, action, target, change,
					"不能确认自己提出的角色变更 (the person who asked for a role change cannot decide it)");
		}
		return director;
	}

	private NotPermitted refused(StaffMember actor, String action, String username, RoleChange change, String why) {
		events.publishEvent(new AccountChangeRefused(actor.id(), action, username,
				"change=" + change.id() + " reason=" + why));
		return new NotPermitted(why);
	}

	/** All waiting role changes, and those decided in the last {@code days} days. */
	@Transactional(readOnly = true)
	public List<RoleChange> roleChanges(RoleChange.@Nullable Status status, int days) {
		return status == null ? roleChanges.pendingAndDecidedSince(time.now().minus(Duration.ofDays(days)))
				: roleChanges.withStatus(status);
	}

	/** The administrator sets a new password, which its owner must change at the next sign-in. */
	public void resetPassword(String username, String password, String resetBy) {
		var member = require(username);
		var actor = require(resetBy);
		policy.check(username, password);
		members.changePassword(member.id(), passwords.encode(password), true);
		events.publishEvent(new AccountChanged(actor.id(), AccountChanged.PASSWORD_RESET, username, ""));
	}

	/** A person changes their own password, proving the current one; this ends a required change. */
	public void changeOwnPassword(String username, String currentPassword, String newPassword) {
		var member = require(username);
		var account = members.account(username).orElseThrow(() -> new NotFound("staff", username));
		if (account.passwordHash() == null || !passwords.matches(currentPassword, account.passwordHash())) {
			throw new InvalidInput("currentPassword", "当前密码不正确 (the current password is wrong)");
		}
		if (currentPassword.equals(newPassword)) {
			throw new org.lawtrace.shared.Unprocessable("password", "新密码不能与当前密码相同 (the new password must differ "
					+ "from the current one)");
		}
		policy.check(username, newPassword);
		members.changePassword(member.id(), passwords.encode(newPassword), false);
		events.publishEvent(new AccountChanged(member.id(), AccountChanged.PASSWORD_CHANGED, username, ""));
	}

	/** Lifts every refusal of sign-ins to the account, from whatever address (the administrator or the director). */
	public void unlock(String username, String unlockedBy) {
		var member = require(username);
		var actor = require(unlockedBy);
		var refused = loginFailures.clearAll(username, time.now());
		members.unlock(username);
		events.publishEvent(new AccountChanged(actor.id(), AccountChanged.UNLOCKED, member.username(),
				"refusedAddresses=" + refused));
	}

	private StaffMember require(String username) {
		return members.byUsername(username).orElseThrow(() -> new NotFound("staff", username));
	}

	private static java.util.stream.Collector<Role, ?, Set<Role>> toRoles() {
		return Collectors.toCollection(() -> EnumSet.noneOf(Role.class));
	}

	private static String names(Set<Role> roles) {
		return roles.stream().sorted().map(Role::name).collect(Collectors.joining(",", "[", "]"));
	}
}
