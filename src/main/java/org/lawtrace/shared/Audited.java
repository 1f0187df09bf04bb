package org.lawtrace.shared;

import org.jspecify.annotations.Nullable;

/**
 * An event the audit log records (ART-22) once the work that published it has committed. Modules whose events
 * implement this are logged without the audit module depending on them, so they may in turn use the audit log
 * (proofs, custody extracts) without a cycle.
 */
public interface Audited {

	/** Who did it; null for the system itself. */
	@Nullable
	StaffId actor();

	/** What was done, in capitals: {@code ACCESS_GRANTED}, {@code DOCUMENT_REGISTERED}, ... */
	String action();

	/** What kind of thing it was done to: {@code CASE}, {@code RECORDING}, {@code DOCUMENT}, {@code ACCESS_REQUEST}, ... */
	String subjectType();

	String subjectId();

	/** {@code SUCCESS}, or {@code REFUSED} for an attempt the system turned down. */
	default String outcome() {
		return "SUCCESS";
	}

	/** Short facts worth keeping, as {@code key=value} pairs. */
	String details();

	/**
	 * Like {@link Audited}, but logged at once, in the publisher's thread: for content handed out outside any
	 * transaction, where a viewing must not go unrecorded.
	 */
	interface AtOnce extends Audited {
	}

	/**
	 * Like {@link Audited}, but appended by its publisher through {@link AuditTrail#appendWithin} in the transaction
	 * that does the work, so an acknowledged write cannot lack its entry (ART-15.1, ART-22); published as an event too
	 * for other modules, which the audit log then leaves alone.
	 */
	interface Within extends Audited {
	}
}
