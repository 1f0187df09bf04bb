package org.lawtrace.access;

import java.util.HashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.RecordAccess;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.RecordVisibility;
import org.lawtrace.shared.SampledRecordGrants;
import org.lawtrace.shared.StaffId;
import org.lawtrace.staff.Role;
import org.lawtrace.staff.StaffDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides who sees a record's content (ART-20). A live grant whose scope takes the record in opens it. Besides,
 * and only while {@code lawtrace.access.handlers-without-request} is on (the default), the handlers of an open case
 * work with its records without asking: the article is about overseeing others' access, not about the case's own
 * work. A record not linked to any case is open to whoever made or uploaded it, whatever the setting, since there is
 * no case yet to ask about and they must see it to link it; once linked, the case's rules apply to them too. Its
 * holder says who made it only from facts nobody can edit, and says no once it has ever been in a case, so changing
 * a record's recorder or case link opens it to nobody (issue 11). No role
 * opens anything by itself: the administrator, the director and the discipline unit ask like everyone else. The
 * director's approval of a spot-check plan (ART-20, ART-21) opens its sampled records, daily ones included, to the
 * plan's named inspectors for its period: {@link SampledRecordGrants}, answered by the inspection module.
 * <p>
 * A record's metadata is seen by the same people, and besides by custodians (档案管理人员), who keep and classify
 * every record (ART-13) without seeing content by that role. Everyone else learns nothing of it, not even that it
 * exists (issue 6, item 5).
 */
@Service
@Transactional(readOnly = true)
class AccessPolicy implements RecordAccess {

	private final CaseManagement cases;
	private final AccessRequests requests;
	private final BureauTime time;
	private final StaffDirectory staff;
	private final boolean handlersWithoutRequest;
	private final List<SampledRecordGrants> sampled;

	AccessPolicy(CaseManagement cases, AccessRequests requests, BureauTime time, StaffDirectory staff,
			@Value("${lawtrace.access.handlers-without-request:true}") boolean handlersWithoutRequest,
			List<SampledRecordGrants> sampled) {
		this.sampled = List.copyOf(sampled);
		this.staff = staff;
		this.cases = cases;
		this.requests = requests;
		this.time = time;
		this.handlersWithoutRequest = handlersWithoutRequest;
	}

	@Override
	public boolean mayOpen(StaffId viewer, RecordRef record, @Nullable CaseId caseId, boolean madeByViewer) {
		if (administrator(viewer)) {
			// the administrator manages accounts and never reads records, whatever other role the account holds
			return false;
		}
		var linked = caseId == null ? null : cases.require(caseId);
		return opensWithoutGrant(handlersWithoutRequest, viewer, linked, madeByViewer)
				|| !requests.liveOf(viewer, record, caseId, time.now()).isEmpty()
				|| sampled.stream().anyMatch(s -> s.opens(viewer, record, time.now()));
	}

	@Override
	public boolean maySeeMetadata(StaffId viewer, RecordRef record, @Nullable CaseId caseId, boolean madeByViewer) {
		return custodian(viewer) || mayOpen(viewer, record, caseId, madeByViewer);
	}

	@Override
	public RecordVisibility visibility(StaffId viewer) {
		if (custodian(viewer)) {
			return RecordVisibility.everything(viewer);
		}
		var visibleCases = new HashSet<CaseId>();
		var visibleRecords = new HashSet<RecordRef>();
		if (handlersWithoutRequest) {
			visibleCases.addAll(cases.openCasesHandledBy(viewer));
		}
		for (var grant : requests.liveOf(viewer, time.now())) {
			if (grant.scope() == AccessRequest.Scope.CASE) {
				visibleCases.add(grant.caseId());
			}
			else {
				visibleRecords.addAll(grant.records());
			}
		}
		if (!administrator(viewer)) {
			sampled.forEach(s -> visibleRecords.addAll(s.openTo(viewer, time.now())));
		}
		return new RecordVisibility(viewer, false, visibleCases, visibleRecords);
	}

	private boolean administrator(StaffId viewer) {
		return staff.byId(viewer).map(m -> m.holds(Role.ADMIN)).orElse(false);
	}

	private boolean custodian(StaffId viewer) {
		return staff.byId(viewer).map(m -> m.holds(Role.CUSTODIAN)).orElse(false);
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
