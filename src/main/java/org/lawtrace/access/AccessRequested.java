package org.lawtrace.access;

import org.lawtrace.shared.Audited;

/** Someone asked to see records' content (ART-20); it waits for the approver its route names. */
public record AccessRequested(AccessRequest request) implements Audited.Logged {

	@Override
	public Entry entry() {
		return new Entry(request.requester(), "ACCESS_REQUESTED", AccessManagement.SUBJECT, request.id().toString(),
				"case=" + request.caseId() + " scope=" + request.scope() + " records=" + request.records().size()
				+ " days=" + request.days() + " route=" + request.route());
	}
}
