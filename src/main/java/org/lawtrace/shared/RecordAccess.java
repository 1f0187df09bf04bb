package org.lawtrace.shared;

import org.jspecify.annotations.Nullable;

/**
 * ART-20: whether a person may see a record's content (view, play, download). Modules that hold content ask here
 * before handing any of it out; the {@code access} module answers, from its grants and its settings, so the
 * holders never depend on it.
 */
public interface RecordAccess {

	/**
	 * @param viewer the person asking
	 * @param record the record whose content is asked for
	 * @param caseId the case the record belongs to now, or null while it is not linked to one
	 * @param madeByViewer whether the viewer made or uploaded this record
	 */
	boolean mayOpen(StaffId viewer, RecordRef record, @Nullable CaseId caseId, boolean madeByViewer);
}
