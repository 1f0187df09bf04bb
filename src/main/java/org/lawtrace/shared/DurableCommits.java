package org.lawtrace.shared;

/**
 * Makes committed transactions durable before they are acknowledged: on a database whose commit already waits for
 * the disk (PostgreSQL with {@code fsync} and {@code synchronous_commit} on) this returns at once; on embedded H2,
 * whose commit only reaches memory and is written by a background thread up to half a second later, it writes and
 * fsyncs the store, once for every caller waiting at the same moment.
 */
public interface DurableCommits {

	/** Returns once every transaction this thread has committed so far would survive a process kill or power cut. */
	void awaitDurable();
}
