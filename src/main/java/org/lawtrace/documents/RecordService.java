package org.lawtrace.documents;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A service of a document on the party to record (SAMR-PR Art. 82; ART-06.2).
 *
 * @param server the username of the staff member who served it; null for the caller
 * @param recordingId the AV record of service left at the address or of the posting of a public notice
 * @param proofId the proof of service (送达回证) registered for it, if any
 */
public record RecordService(ServiceMethod method, @Nullable Instant servedAt, @Nullable String server,
		@Nullable String recipient, @Nullable String witness, @Nullable String place, @Nullable UUID recordingId,
		@Nullable UUID proofId) {
}
