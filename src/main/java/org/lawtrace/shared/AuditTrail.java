package org.lawtrace.shared;

/**
 * The audit log as a module that acknowledges work sees it: an entry appended in the caller's own transaction, so
 * the entry and the row it records commit together or not at all (ART-22). The audit module implements it; a module
 * uses it where an acknowledgement promises the entry (an upload's 201), and publishes {@link Audited} events
 * everywhere else.
 */
public interface AuditTrail {

	/**
	 * Appends {@code entry} to the log within the transaction that is active now; the entry takes the log's writer
	 * lock until that transaction ends.
	 *
	 * @param entry what happened, must not be {@literal null}.
	 * @throws IllegalStateException when no transaction is active.
	 */
	void appendWithin(Audited entry);
}
