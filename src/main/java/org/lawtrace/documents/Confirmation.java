package org.lawtrace.documents;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.StaffId;

/**
 * A signature, seal or refusal recorded against one version of a document (ART-05.3).
 *
 * @param pages the pages signed, from 1; empty when the whole document was signed or sealed at once
 * @param staffId the staff member who signed, for staff roles; null for the party, agents and witnesses
 * @param witness who witnessed a refusal, if anyone
 * @param recordingId the AV record of a refusal (SAMR-PR Art. 43)
 */
public record Confirmation(UUID id, int version, ConfirmationKind kind, SignerRole role, @Nullable StaffId staffId,
		String name, List<Integer> pages, Instant confirmedAt, @Nullable String witness, @Nullable UUID recordingId,
		@Nullable String note, StaffId recordedBy, Instant recordedAt) {

	public Confirmation {
		pages = List.copyOf(pages);
	}

	public boolean wholeDocument() {
		return pages.isEmpty();
	}
}
