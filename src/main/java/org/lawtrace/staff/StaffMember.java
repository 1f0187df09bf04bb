package org.lawtrace.staff;

import java.util.Set;

import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;

/**
 * A member of the bureau's staff (工作人员): who they are, where they work, whether they are permanent staff
 * (正式在编, ART-08) and which roles they hold.
 */
public record StaffMember(StaffId id, String username, String name, String staffNumber, UnitId unitId,
		boolean permanent, Set<Role> roles, boolean enabled) {

	public StaffMember {
		roles = Set.copyOf(roles);
	}

	public boolean holds(Role role) {
		return roles.contains(role);
	}
}
