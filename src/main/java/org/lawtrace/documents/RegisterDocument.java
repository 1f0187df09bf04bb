package org.lawtrace.documents;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What registering a document says about it; its file comes alongside.
 *
 * @param kind the document kind's code, e.g. {@code QUESTIONING_RECORD}
 * @param stageId the stage it records; null for a document of the case as a whole
 * @param number its number (文号) when already fixed (pre-printed forms); null to take the kind's next number
 * @param madeBy the username of who made it; null for the caller
 * @param madeAt when it was made or issued; null for now
 */
public record RegisterDocument(String kind, UUID caseId, @Nullable UUID stageId, @Nullable String number, String title,
		@Nullable String madeBy, @Nullable Instant madeAt) {
}
