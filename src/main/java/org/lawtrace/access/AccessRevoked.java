package org.lawtrace.access;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/** A grant was ended before its time (撤销), by its approver, the director or the requester giving it up. */
public record AccessRevoked(AccessRequest request) implements Audited {

	@Override
	public @Nullable StaffId actor() {
		return request.revokedBy();
	}

	@Override
	public String action() {
		return "ACCESS_REVOKED";
	}

	@Override
	public String subjectType() {
		return AccessManagement.SUBJECT;
	}

	@Override
	public String subjectId() {
		return request.id().toString();
	}

	@Override
	public String details() {
		return "requester=" + request.requester() + " case=" + request.caseId() + " reason=" + request.revocationReason();
	}
}
