package org.lawtrace.staff;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Whether a person was qualified on a given day (ART-08): an enforcement officer is permanent staff holding an
 * enforcement certificate valid that day; only officers make text records and count towards the two officers a
 * penalty or coercive measure needs; assistants (协助人员) may make audio-visual records only.
 */
public record Qualification(String username, LocalDate date, boolean enforcementOfficer, boolean mayRecordText,
		boolean mayRecordAudioVisual, List<String> reasons, boolean suspended) {

	public Qualification {
		reasons = List.copyOf(reasons);
	}

	static Qualification of(StaffMember member, Collection<EnforcementCertificate> certificates, LocalDate day) {
		return of(member, certificates, List.of(), day);
	}

	/**
	 * A suspension from duty (暂停执法资格, a sanction under ART-22) covering the day takes the qualification away
	 * whatever the certificates say: the person may neither handle cases nor record that day.
	 */
	static Qualification of(StaffMember member, Collection<EnforcementCertificate> certificates,
			Collection<Suspension> suspensions, LocalDate day) {
		var suspension = suspensions.stream().filter(s -> s.covers(day)).findFirst();
		if (suspension.isPresent()) {
			return new Qualification(member.username(), day, false, false, false, List.of(suspension.get().why()), true);
		}
		var reasons = new ArrayList<String>();
		if (!member.permanent()) {
			reasons.add("非正式在编人员 (not permanent staff)");
		}
		var certified = certificates.stream().anyMatch(c -> c.validOn(day));
		if (!certified) {
			if (certificates.isEmpty()) {
				reasons.add("无执法证 (holds no enforcement certificate)");
			}
			certificates.stream().map(c -> c.whyNotValidOn(day)).filter(r -> !r.isEmpty()).forEach(reasons::add);
		}
		var officer = member.permanent() && certified;
		var assistant = member.holds(Role.ASSISTANT);
		if (!officer && assistant) {
			reasons.add("协助人员仅可制作音像记录 (assistants may make audio-visual records only)");
		}
		return new Qualification(member.username(), day, officer, officer, officer || assistant,
				officer ? List.of() : reasons, false);
	}
}
