package org.lawtrace.access;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.RecordAccess;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.StaffId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Decides who sees a record's content (ART-20): its maker, and the handlers of the case it belongs to. */
@Service
@Transactional(readOnly = true)
class AccessPolicy implements RecordAccess {

	private final CaseManagement cases;

	AccessPolicy(CaseManagement cases) {
		this.cases = cases;
	}

	@Override
	public boolean mayOpen(StaffId viewer, RecordRef record, @Nullable CaseId caseId, boolean madeByViewer) {
		return madeByViewer || caseId != null && cases.require(caseId).handledBy(viewer);
	}
}
