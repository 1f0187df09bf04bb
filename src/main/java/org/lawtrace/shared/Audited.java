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
	 * An audited event that states its entry in one place, {@link #entry()}: who did what to which subject, and the
	 * facts kept. Events implement this rather than each of {@link Audited}'s methods, so each says only what
	 * differs.
	 */
	interface Logged extends Audited {

		/** The entry this event makes in the log. */
		Entry entry();

		@Override
		default @Nullable StaffId actor() {
			return entry().actor();
		}

		@Override
		default String action() {
			return entry().action();
		}

		@Override
		default String subjectType() {
			return entry().subjectType();
		}

		@Override
		default String subjectId() {
			return entry().subjectId();
		}

		@Override
		default String outcome() {
			return entry().outcome();
		}

		@Override
		default String details() {
			return entry().details();
		}
	}

	/** One entry of the audit log, as an event states it ({@link Logged}). */
	record Entry(@Nullable StaffId actor, String action, String subjectType, String subjectId, String outcome,
			String details) {

		/** Something done ({@code SUCCESS}). */
		public Entry(@Nullable StaffId actor, String action, String subjectType, String subjectId, String details) {
			this(actor, action, subjectType, subjectId, "SUCCESS", details);
		}

		/** An attempt the system turned down ({@code REFUSED}). */
		public static Entry refused(@Nullable StaffId actor, String action, String subjectType, String subjectId,
				String details) {
			return new Entry(actor, action, subjectType, subjectId, "REFUSED", details);
		}
	}

	/**
	 * Like {@link Audited}, but appended by its publisher through {@link AuditTrail#appendWithin} in the transaction
	 * that does the work, so an acknowledged write cannot lack its entry (ART-15.1, ART-22); published as an event too
	 * for other modules, which the audit log then leaves alone.
	 */
	interface Within extends Audited {
	}
}
