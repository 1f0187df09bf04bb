package org.lawtrace.documents;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.StaffId;

/**
 * A service (送达) of a document on the party: how, when, by whom, and when it counts as served (public notice
 * 30 days after posting, SAMR-PR Art. 82(5)).
 *
 * @param recordingId the AV record of service left at the address or of the posting (ART-06.2)
 * @param proofId the proof of service (送达回证) document, when one was registered
 */
public record ServiceRecord(UUID id, ServiceMethod method, Instant servedAt, Instant deemedServedAt, StaffId server,
		@Nullable String recipient, @Nullable String witness, @Nullable String place, @Nullable UUID recordingId,
		@Nullable DocumentId proofId, StaffId recordedBy, Instant recordedAt) {
}
