package org.lawtrace.access;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/**
 * An attempt to decide or revoke a request that the rules turned down (ART-20): logged at once, since the work it
 * attempted is rolled back and an after-commit event would never be delivered.
 */
public record AccessRefused(StaffId actor, String action, AccessRequestId requestId, String reason)
		implements Audited.Logged, Audited.AtOnce {

	@Override
	public Entry entry() {
		return Entry.refused(actor, action, AccessManagement.SUBJECT, requestId.toString(), "reason=" + reason);
	}
}
