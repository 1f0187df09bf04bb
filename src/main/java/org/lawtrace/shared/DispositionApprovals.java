package org.lawtrace.shared;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The director's approval of a disposition (销毁审批, ART-16), asked by the store before it gives up a blob: the
 * store never takes a caller's word that destruction was approved, it asks the module that keeps dispositions
 * (retention), which answers only for a disposition the director approved that lists the blob and is not yet
 * carried out.
 */
public interface DispositionApprovals {

	/**
	 * @param disposition the disposition the caller names, must not be {@literal null}.
	 * @param sha256 the blob it wants destroyed, must not be {@literal null}.
	 * @return who approved it and when, or empty when that disposition is not approved for that blob.
	 */
	Optional<Approval> approvalOf(UUID disposition, String sha256);

	/** The blobs given up under approved dispositions: fixity checks and reconciliation no longer expect them. */
	java.util.Set<String> destroyedSha256s();

	record Approval(StaffId approvedBy, Instant approvedAt) {
	}
}
