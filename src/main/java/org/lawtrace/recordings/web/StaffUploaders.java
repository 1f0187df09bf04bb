package org.lawtrace.recordings.web;

import java.util.List;

import org.lawtrace.staff.Role;
import org.springframework.security.core.Authentication;

/**
 * The uploaders who are people (officers, assistants, custodians): they get the pages' upload and correction
 * forms. Collection stations upload too, but through the API; they have no session.
 */
final class StaffUploaders {

	static final String ROLES = "hasAnyRole('OFFICER','ASSISTANT','CUSTODIAN')";
	private static final List<Role> HELD = List.of(Role.OFFICER, Role.ASSISTANT, Role.CUSTODIAN);

	private StaffUploaders() {
	}

	/** Whether a page should offer {@code caller} the forms; the route itself is guarded by {@link #ROLES}. */
	static boolean include(Authentication caller) {
		return caller.getAuthorities().stream()
			.anyMatch(a -> HELD.stream().anyMatch(r -> r.authority().equals(a.getAuthority())));
	}
}
