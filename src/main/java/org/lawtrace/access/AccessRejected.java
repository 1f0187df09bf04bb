package org.lawtrace.access;

import org.lawtrace.shared.Audited;

/** A request was turned down (不予批准) with the approver's opinion (ART-20). */
public record AccessRejected(AccessRequest request) implements Audited.Logged {

	@Override
	public Entry entry() {
		return new Entry(request.decidedBy(), "ACCESS_REJECTED", AccessManagement.SUBJECT, request.id().toString(),
				"requester=" + request.requester() + " case=" + request.caseId());
	}
}
