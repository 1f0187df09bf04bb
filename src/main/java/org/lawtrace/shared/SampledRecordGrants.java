package org.lawtrace.shared;

import java.time.Instant;
import java.util.Set;

/**
 * Records opened to an inspector by the director's approval of a spot-check plan (抽查, ART-20, ART-21): the sampled
 * records, to the plan's named inspectors, until the plan's review period ends. Answered by {@code inspection},
 * consulted by {@code access} for its {@link RecordAccess} answer, so access needs no knowledge of inspections.
 */
public interface SampledRecordGrants {

	/** Whether an approved plan opens {@code record} to {@code viewer} at {@code at}. */
	boolean opens(StaffId viewer, RecordRef record, Instant at);

	/** Every record an approved plan opens to {@code viewer} at {@code at}, for lists and searches. */
	Set<RecordRef> openTo(StaffId viewer, Instant at);
}
