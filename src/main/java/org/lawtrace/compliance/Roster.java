package org.lawtrace.compliance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.lawtrace.shared.StaffId;

/**
 * Who was qualified on which day (ART-08), for every staff member at once: the evaluation of many cases asks it
 * thousands of times, so it is read once from the staff directory and answered from memory.
 */
record Roster(Map<StaffId, Person> people) {

	record Person(String name, boolean permanent, boolean assistant, List<Period> certificates,
			List<Period> suspensions) {

		Person(String name, boolean permanent, boolean assistant, List<Period> certificates) {
			this(name, permanent, assistant, certificates, List.of());
		}

		/** ART-08, ART-22: a suspension from duty (暂停执法资格) covering the day. */
		boolean suspendedOn(LocalDate day) {
			return suspensions.stream().anyMatch(p -> p.covers(day));
		}
	}

	/** A certificate's validity: first and last day inclusive; revoked certificates stop on the day of revocation. */
	record Period(LocalDate from, LocalDate to) {
		boolean covers(LocalDate day) {
			return !day.isBefore(from) && !day.isAfter(to);
		}
	}

	boolean officerOn(StaffId staff, LocalDate day) {
		var person = people.get(staff);
		return person != null && person.permanent() && !person.suspendedOn(day)
				&& person.certificates().stream().anyMatch(p -> p.covers(day));
	}

	boolean mayRecordAudioVisualOn(StaffId staff, LocalDate day) {
		var person = people.get(staff);
		return person != null && !person.suspendedOn(day) && (person.assistant() || officerOn(staff, day));
	}

	/** Why someone was not an officer on a day, in the words an officer reads. */
	String whyNotOfficer(StaffId staff, LocalDate day) {
		var person = people.get(staff);
		if (person == null) {
			return "不在工作人员名册中 (not on the staff roster)";
		}
		if (person.suspendedOn(day)) {
			return person.name() + "当日被暂停执法资格 (suspended from duty on " + day + ", ART-08)";
		}
		if (!person.permanent()) {
			return person.name() + "非正式在编人员 (not permanent staff)";
		}
		if (person.certificates().isEmpty()) {
			return person.name() + "无执法证 (holds no enforcement certificate)";
		}
		var lastEnd = person.certificates().stream().map(Period::to).filter(to -> to.isBefore(day))
			.max(LocalDate::compareTo);
		return lastEnd.map(end -> person.name() + "的执法证已于 " + end + " 到期或注销 (certificate expired or revoked " + end + ")")
			.orElse(person.name() + "当日无有效执法证 (no certificate valid on " + day + ")");
	}

	String name(StaffId staff) {
		var person = people.get(staff);
		return person == null ? staff.toString() : person.name();
	}
}
