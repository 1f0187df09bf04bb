package org.lawtrace.staff;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/**
 * Sign-ins to an account from one client address are refused for a while after repeated wrong passwords; logged at
 * once, since it happens while a sign-in fails, outside any transaction that commits.
 */
public record AccountLocked(String username, String address, Instant until, int failures) implements Audited.AtOnce {

	@Override
	public @Nullable StaffId actor() {
		return null;
	}

	@Override
	public String action() {
		return "ACCOUNT_LOCKED";
	}

	@Override
	public String subjectType() {
		return AccountChanged.SUBJECT;
	}

	@Override
	public String subjectId() {
		return username;
	}

	@Override
	public String details() {
		return "address=" + address + " until=" + until + " failures=" + failures;
	}
}
