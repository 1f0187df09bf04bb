package org.lawtrace.storage;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/**
 * One step of the fixity audit for the audit log (ART-22): a copy found damaged or missing, quarantined, repaired
 * or left unrepaired. Logged at once: the step has happened on disk whatever becomes of any transaction.
 */
record FixityStep(String action, String sha256, String outcome, String details) implements Audited.AtOnce {

	static FixityStep of(String action, String sha256, Copy copy, String details) {
		return new FixityStep(action, sha256, "SUCCESS", "copy=" + copy + " " + details);
	}

	static FixityStep failed(String action, String sha256, Copy copy, String details) {
		return new FixityStep(action, sha256, "FAILED", "copy=" + copy + " " + details);
	}

	@Override
	public @Nullable StaffId actor() {
		return null;
	}

	@Override
	public String subjectType() {
		return "BLOB";
	}

	@Override
	public String subjectId() {
		return sha256;
	}
}
