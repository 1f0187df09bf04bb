package org.lawtrace.staff;

import java.time.Instant;

import org.lawtrace.shared.Audited;

/**
 * Sign-ins to an account from one client address are refused for a while after repeated wrong passwords; logged at
 * once, since it happens while a sign-in fails, outside any transaction that commits.
 */
public record AccountLocked(String username, String address, Instant until, int failures)
		implements Audited.Logged, Audited.AtOnce {

	@Override
	public Entry entry() {
		return new Entry(null, "ACCOUNT_LOCKED", AccountChanged.SUBJECT, username,
				"address=" + address + " until=" + until + " failures=" + failures);
	}
}
