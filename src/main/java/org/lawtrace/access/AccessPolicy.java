package org.lawtrace.access;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.RecordAccess;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.StaffId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides who sees a record's content (ART-20). A live grant whose scope takes the record in opens it. Besides,
 * and only while {@code lawtrace.access.handlers-without-request} is on (the default), the handlers of an open case
 * work with its records without asking: the article is about overseeing others' access, not about the case's own
 * work. A record not linked to any case is open to whoever made or uploaded it, whatever the setting, since there is
 * no case yet to ask about and they must see it to link it; once linked, the case's rules apply to them too. No role
 * opens anything by itself: the administrator, the director and the discipline unit ask like everyone else.
 */
@Service
@Transactional(readOnly = true)
class AccessPolicy implements RecordAccess {

	private final CaseManagement cases;
	private final AccessRequests requests;
	private final BureauTime time;
	private final boolean handlersWithoutRequest;

	AccessPolicy(CaseManagement cases, AccessRequests requests, BureauTime time,
			@Value("${lawtrace.access.handlers-without-request:true}") boolean handlersWithoutRequest) {
		this.cases = cases;
		this.requests = requests;
		this.time = time;
		this.handlersWithoutRequest = handlersWithoutRequest;
	}

	@Override
	public boolean mayOpen(StaffId viewer, RecordRef record, @Nullable CaseId caseId, boolean madeByViewer) {
		var linked = caseId == null ? null : cases.require(caseId);
		return opensWithoutGrant(handlersWithoutRequest, viewer, linked, madeByViewer)
				|| !requests.liveOf(viewer, record, caseId, time.now()).isEmpty();
	}

	/** Whether a record of case {@code linked} (null: of none) is open to {@code viewer} with no grant at all. */
	static boolean opensWithoutGrant(boolean handlersWithoutRequest, StaffId viewer, @Nullable Case linked,
			boolean madeByViewer) {
		if (linked == null) {
			return madeByViewer;
		}
		return handlersWithoutRequest && linked.status() == Case.Status.OPEN && linked.handledBy(viewer);
	}
}
