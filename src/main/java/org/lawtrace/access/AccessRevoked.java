package org.lawtrace.access;

import org.lawtrace.shared.Audited;

/** A grant was ended before its time (撤销), by its approver, the director or the requester giving it up. */
public record AccessRevoked(AccessRequest request) implements Audited.Logged, org.lawtrace.shared.AccessNarrowed {

	@Override
	public Entry entry() {
		return new Entry(request.revokedBy(), "ACCESS_REVOKED", AccessManagement.SUBJECT, request.id().toString(),
				"requester=" + request.requester() + " case=" + request.caseId() + " reason="
				+ request.revocationReason());
	}
}
