package org.lawtrace.cases.web;

import java.util.List;

import org.lawtrace.staff.Role;
import org.lawtrace.staff.StaffDirectory;
import org.springframework.stereotype.Component;

/**
 * The people a form offers as handlers or as present at a stage: enabled officers and assistants. Whether they
 * qualify (ART-08) is the domain's call when the form is sent, so that the refusal can say why.
 */
@Component
class StaffOptions {

	private final StaffDirectory staff;

	StaffOptions(StaffDirectory staff) {
		this.staff = staff;
	}

	List<Option> fieldStaff() {
		return staff.all().stream()
			.filter(m -> m.enabled() && (m.holds(Role.OFFICER) || m.holds(Role.ASSISTANT)))
			.map(m -> new Option(m.username(), m.name()))
			.toList();
	}

	record Option(String username, String name) {
	}
}
