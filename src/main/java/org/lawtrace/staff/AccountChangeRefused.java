package org.lawtrace.staff;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/**
 * An attempt on an account or a role change that the rules turned down, such as a director confirming a change to
 * their own account; logged at once, since the attempted work is rolled back.
 */
public record AccountChangeRefused(StaffId actor, String action, String username, String details)
		implements Audited.Logged, Audited.AtOnce {

	@Override
	public Entry entry() {
		return Entry.refused(actor, action, AccountChanged.SUBJECT, username, details);
	}
}
