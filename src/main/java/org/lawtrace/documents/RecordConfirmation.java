package org.lawtrace.documents;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A signature, seal or refusal to record against a version of a document (ART-05.3).
 *
 * @param signer the username of the staff member who signed, for the staff roles
 * @param name the name of the party, agent or witness who signed or refused
 * @param pages the pages signed (from 1); null or empty for the whole document
 * @param version the version confirmed; null for the current one
 * @param recordingId the AV record of a refusal, which the rules call for (SAMR-PR Art. 43)
 */
public record RecordConfirmation(ConfirmationKind kind, SignerRole role, @Nullable String signer,
		@Nullable String name, @Nullable List<Integer> pages, @Nullable Integer version, @Nullable Instant confirmedAt,
		@Nullable String witness, @Nullable UUID recordingId, @Nullable String note) {
}
