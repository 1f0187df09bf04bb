package org.lawtrace.retention;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.StaffId;

/**
 * One package version of an archived file: the BagIt zip in the write-once store, the four-property report it was
 * archived with, the director's override reason when a check had failed, and for later versions the reason (the
 * approved correction) it was made.
 */
public record ArchiveVersion(int version, ContentDigest digest, boolean passed, ArchiveReport report,
		@Nullable String overrideReason, @Nullable StaffId overriddenBy, @Nullable String reason, Instant madeAt,
		StaffId madeBy) {
}
