package org.lawtrace.access;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.StaffId;

/**
 * An evidence package (证据材料包) made by the legal affairs unit for a reconsideration body or court (ART-18, ART-19):
 * a BagIt bag kept whole in the write-once store under {@code digest}, with who made it, when, for whom and why, and
 * until when it may be handed out ({@code expiresAt}; null for packages made before packages expired).
 */
public record EvidencePackage(UUID id, PackageRecipientKind recipientKind, String recipient, String purpose,
		@Nullable CaseId caseId, ContentDigest digest, int itemCount, int custodyEntries, long checkpointSize,
		StaffId createdBy, Instant createdAt, @Nullable Instant expiresAt) {

	/** Whether the package may no longer be handed out at {@code now}, whatever grants its maker holds then. */
	public boolean expiredAt(Instant now) {
		return expiresAt != null && !now.isBefore(expiresAt);
	}

	/** The name a download is saved under. */
	public String fileName() {
		return "evidence-package-" + id + ".zip";
	}

	/** One record in a package, where it lies in the bag, and what it is offered to prove. */
	public record Item(int position, RecordRef ref, String path, String offeredToProve) {
	}
}
