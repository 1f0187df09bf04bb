package org.lawtrace.audit;

import org.jspecify.annotations.Nullable;

/**
 * What recomputing the log found: the number of entries and their root, the first entry that does not match (and
 * why), and whether every checkpoint's signature and root hold.
 */
public record Verification(long entries, String root, boolean verified, @Nullable Long firstMismatch, String reason,
		int checkpoints, boolean checkpointsVerified) {

	/** One line for an operator's terminal. */
	public String report() {
		if (verified && checkpointsVerified) {
			return "OK: " + entries + (entries == 1 ? " entry" : " entries") + ", root " + root + ", " + checkpoints
					+ (checkpoints == 1 ? " checkpoint" : " checkpoints") + " signed and matching";
		}
		return "FAILED" + (firstMismatch == null ? "" : " at entry " + firstMismatch) + ": " + reason;
	}
}
