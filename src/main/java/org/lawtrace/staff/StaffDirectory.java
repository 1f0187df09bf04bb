package org.lawtrace.staff;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Answers who people are, where they sit in the bureau, and whether they were qualified on a day (ART-08). */
@Service
@Transactional(readOnly = true)
public class StaffDirectory {

	private final StaffMembers members;
	private final Units units;
	private final Certificates certificates;
	private final Suspensions suspensions;

	StaffDirectory(StaffMembers members, Units units, Certificates certificates, Suspensions suspensions) {
		this.members = members;
		this.units = units;
		this.certificates = certificates;
		this.suspensions = suspensions;
	}

	public Optional<StaffMember> byUsername(String username) {
		return members.byUsername(username);
	}

	public StaffMember require(String username) {
		return members.byUsername(username).orElseThrow(() -> new NotFound("staff", username));
	}

	public Optional<StaffMember> byId(StaffId id) {
		return members.byId(id);
	}

	public List<StaffMember> byIds(Collection<StaffId> ids) {
		return members.byIds(ids);
	}

	public List<StaffMember> all() {
		return members.all();
	}

	public List<Unit> units() {
		return units.all();
	}

	public Optional<Unit> unit(UnitId id) {
		return units.byId(id);
	}

	public List<EnforcementCertificate> certificates(StaffId holder) {
		return certificates.heldBy(holder);
	}

	/** ART-08: was this person an enforcement officer, and what could they record, on this day. */
	public Qualification qualificationOn(String username, LocalDate day) {
		var member = require(username);
		return Qualification.of(member, certificates.heldBy(member.id()), suspensions.of(member.id()), day);
	}

	/** A person's suspensions from duty (暂停执法资格, ART-08, ART-22), earliest first. */
	public List<Suspension> suspensions(StaffId staff) {
		return suspensions.of(staff);
	}

	/**
	 * Everyone's certificates and suspensions in two reads, for whoever judges many people at once (the compliance
	 * checks' roster), instead of two reads a person.
	 */
	public Standing standingOfAll() {
		var certificates = new java.util.HashMap<StaffId, List<EnforcementCertificate>>();
		this.certificates.all().forEach(c -> certificates.computeIfAbsent(c.holder(), k -> new ArrayList<>()).add(c));
		var suspended = new java.util.HashMap<StaffId, List<Suspension>>();
		suspensions.all().forEach(s -> suspended.computeIfAbsent(s.staff(), k -> new ArrayList<>()).add(s));
		return new Standing(certificates, suspended);
	}

	/** Each person's certificates and suspensions (ART-08), as {@link #standingOfAll} read them. */
	public record Standing(java.util.Map<StaffId, List<EnforcementCertificate>> certificates,
			java.util.Map<StaffId, List<Suspension>> suspensions) {

		public List<EnforcementCertificate> certificatesOf(StaffId person) {
			return certificates.getOrDefault(person, List.of());
		}

		public List<Suspension> suspensionsOf(StaffId person) {
			return suspensions.getOrDefault(person, List.of());
		}

		/** ART-08: was this person qualified on the day, from what was read (as {@link #qualificationOn} says). */
		public Qualification qualificationOf(StaffMember person, LocalDate day) {
			return Qualification.of(person, certificatesOf(person.id()), suspensionsOf(person.id()), day);
		}
	}

	/**
	 * The certificates that need renewing by {@code day} (ART-07): of each enabled person who holds any, the unrevoked
	 * one valid longest, when it ends before {@code day}; people whose only certificates were revoked are not counted.
	 */
	public List<EnforcementCertificate> certificatesEndingBefore(LocalDate day) {
		var enabled = members.all().stream().filter(StaffMember::enabled).map(StaffMember::id)
			.collect(java.util.stream.Collectors.toSet());
		return certificates.all().stream().filter(c -> c.revokedOn() == null && enabled.contains(c.holder()))
			.collect(java.util.stream.Collectors.toMap(EnforcementCertificate::holder, c -> c,
					(a, b) -> a.validTo().isAfter(b.validTo()) ? a : b))
			.values().stream().filter(c -> c.validTo().isBefore(day)).toList();
	}

	/** The units a deputy director (分管副局长) is in charge of. */
	public List<UnitId> unitsInChargeOf(StaffId deputy) {
		return units.inChargeOf(deputy);
	}

	/**
	 * The deputy directors in charge of a unit: those named for it, or else those in charge of the nearest
	 * unit above it in the tree.
	 */
	public List<StaffMember> deputiesInChargeOf(UnitId unit) {
		var seen = new ArrayList<UnitId>();
		for (var current = units.byId(unit); current.isPresent() && !seen.contains(current.get().id());
				current = current.get().parentId() == null ? Optional.empty() : units.byId(current.get().parentId())) {
			seen.add(current.get().id());
			var deputies = units.deputiesInChargeOf(current.get().id());
			if (!deputies.isEmpty()) {
				return members.byIds(deputies);
			}
		}
		return List.of();
	}
}
