package org.lawtrace.staff;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the bureau's organisation, staff, certificates and charges: the administrator's side of the module. */
@Service
@Transactional
public class StaffAdministration {

	private static final String MACHINE_PREFIX = "ST-";

	private final Units units;
	private final StaffMembers members;
	private final Certificates certificates;
	private final PasswordEncoder passwords;
	private final BureauTime time;

	StaffAdministration(Units units, StaffMembers members, Certificates certificates, PasswordEncoder passwords,
			BureauTime time) {
		this.units = units;
		this.members = members;
		this.certificates = certificates;
		this.passwords = passwords;
		this.time = time;
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

	public StaffMember register(String username, String name, String staffNumber, UnitId unit, boolean permanent,
			Set<Role> roles, @Nullable String password) {
		if (roles.contains(Role.STATION)) {
			throw new InvalidInput("roles", "采集站账号随采集站登记 (station accounts are registered with their station)");
		}
		return add(username, name, staffNumber, unit, permanent, roles, password);
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
		return add(username, name, machineNumber(next), unit, false, Set.of(Role.STATION), null);
	}

	private static String machineNumber(int n) {
		return MACHINE_PREFIX + String.format("%04d", n);
	}

	private StaffMember add(String username, String name, String staffNumber, UnitId unit, boolean permanent,
			Set<Role> roles, @Nullable String password) {
		if (!username.matches("[a-z0-9][a-z0-9._-]{1,59}")) {
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
		if (roles.isEmpty()) {
			throw new InvalidInput("roles", "至少需要一个角色 (at least one role is required)");
		}
		var member = new StaffMember(StaffId.random(), username, name, staffNumber, unit, permanent, roles, true);
		members.add(member, password == null ? null : passwords.encode(password), time.now());
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

	public void changePassword(StaffId id, String password) {
		if (password.length() < 4) {
			throw new InvalidInput("password", "密码太短 (password too short)");
		}
		members.changePassword(id, passwords.encode(password));
	}
}
