package org.lawtrace.access;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/** A request was turned down (不予批准) with the approver's opinion (ART-20). */
public record AccessRejected(AccessRequest request) implements Audited {

	@Override
	public @Nullable StaffId actor() {
		return request.decidedBy();
	}

	@Override
	public String action() {
		return "ACCESS_REJECTED";
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
		return "requester=" + request.requester() + " case=" + request.caseId();
	}
}
