package org.lawtrace.documents;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.StaffId;

/**
 * One version of a document's file, kept write-once by its digest (ART-05.4): version 1 is the original; each
 * later one is a change, with its reason.
 */
public record DocumentVersion(int number, ContentDigest digest, String mediaType, String fileName, int pageCount,
		@Nullable String reason, StaffId changedBy, Instant changedAt) {
}
