package org.lawtrace.access;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/** A request was approved (批准): the requester holds a grant until {@code grantedUntil} (ART-20). */
public record AccessGranted(AccessRequest request) implements Audited {

	@Override
	public @Nullable StaffId actor() {
		return request.decidedBy();
	}

	@Override
	public String action() {
		return "ACCESS_GRANTED";
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
		return "requester=" + request.requester() + " case=" + request.caseId() + " scope=" + request.scope()
				+ " until=" + request.grantedUntil();
	}
}
