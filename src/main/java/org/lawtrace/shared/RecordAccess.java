package org.lawtrace.shared;

import org.jspecify.annotations.Nullable;

/**
 * ART-20: whether a person may see a record's content (view, play, download), and whether they may see its
 * metadata (that it exists, its labels, digests, history). Modules that hold records ask here before handing any of
 * it out; the {@code access} module answers, from its grants and its settings, so the holders never depend on it.
 */
public interface RecordAccess {

	/**
	 * @param viewer the person asking
	 * @param record the record whose content is asked for
	 * @param caseId the case the record belongs to now, or null while it is not linked to one
	 * @param madeByViewer whether the viewer made or uploaded this record, judged only from facts nobody can edit
	 *        afterwards (who uploaded it, who recorded it as taken at ingest) and only for a record that was never in
	 *        a case: a correctable recorder or case link must never widen access (issue 11)
	 */
	boolean mayOpen(StaffId viewer, RecordRef record, @Nullable CaseId caseId, boolean madeByViewer);

	/**
	 * Whether a person may see that the record exists and what it says about itself: whoever may open its content
	 * ({@link #mayOpen}), and custodians, who keep and classify records (ART-13) but see no content by that role.
	 */
	boolean maySeeMetadata(StaffId viewer, RecordRef record, @Nullable CaseId caseId, boolean madeByViewer);

	/** Everything {@link #maySeeMetadata} would answer for {@code viewer}, in one call, for lists and searches. */
	RecordVisibility visibility(StaffId viewer);
}
