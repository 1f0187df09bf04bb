package org.lawtrace.access;

import org.lawtrace.shared.Audited;

/** A request was approved (批准): the requester holds a grant until {@code grantedUntil} (ART-20). */
public record AccessGranted(AccessRequest request) implements Audited.Logged {

	@Override
	public Entry entry() {
		return new Entry(request.decidedBy(), "ACCESS_GRANTED", AccessManagement.SUBJECT, request.id().toString(),
				"requester=" + request.requester() + " case=" + request.caseId() + " scope=" + request.scope()
				+ " until=" + request.grantedUntil());
	}
}
