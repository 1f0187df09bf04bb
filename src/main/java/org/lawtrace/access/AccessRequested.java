package org.lawtrace.access;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/** Someone asked to see records' content (ART-20); it waits for the approver its route names. */
public record AccessRequested(AccessRequest request) implements Audited {

	@Override
	public StaffId actor() {
		return request.requester();
	}

	@Override
	public String action() {
		return "ACCESS_REQUESTED";
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
		return "case=" + request.caseId() + " scope=" + request.scope() + " records=" + request.records().size()
				+ " days=" + request.days() + " route=" + request.route();
	}
}
