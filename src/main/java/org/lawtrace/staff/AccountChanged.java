package org.lawtrace.staff;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/**
 * Something was done to an account or its roles (ART-22, GB/T 22239-2019 安全审计): created, roles changed, a role
 * change requested, confirmed or refused, password reset or changed, unlocked, disabled or enabled; a certificate
 * issued or revoked, an API token issued or revoked. Logged once the change commits.
 */
public record AccountChanged(@Nullable StaffId actor, String action, String username, String details)
		implements Audited.Logged {

	public static final String CREATED = "ACCOUNT_CREATED";
	public static final String ROLES_CHANGED = "ROLES_CHANGED";
	public static final String ROLE_CHANGE_REQUESTED = "ROLE_CHANGE_REQUESTED";
	public static final String ROLE_CHANGE_CONFIRMED = "ROLE_CHANGE_CONFIRMED";
	public static final String ROLE_CHANGE_REFUSED = "ROLE_CHANGE_REFUSED";
	public static final String PASSWORD_RESET = "PASSWORD_RESET";
	public static final String PASSWORD_CHANGED = "PASSWORD_CHANGED";
	public static final String UNLOCKED = "ACCOUNT_UNLOCKED";
	public static final String DISABLED = "ACCOUNT_DISABLED";
	public static final String ENABLED = "ACCOUNT_ENABLED";
	public static final String CERTIFICATE_ISSUED = "CERTIFICATE_ISSUED";
	public static final String CERTIFICATE_REVOKED = "CERTIFICATE_REVOKED";
	public static final String TOKEN_ISSUED = "TOKEN_ISSUED";
	public static final String TOKEN_REVOKED = "TOKEN_REVOKED";

	static final String SUBJECT = "STAFF";

	@Override
	public Entry entry() {
		return new Entry(actor, action, SUBJECT, username, details);
	}
}
