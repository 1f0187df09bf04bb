package org.lawtrace.compliance;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.StaffId;

/**
 * An ART-06.0 bookmark (书签) in an AV recording: where the opening statement or the closing question is, as an
 * offset from the recording's start, or an attestation with the reason no offset can be given.
 */
public record Bookmark(UUID id, UUID recordingId, BookmarkKind kind, @Nullable Long offsetMillis,
		@Nullable String attestation, Source source, StaffId setBy, Instant setAt) {

	/** Who placed the mark. */
	public enum Source {
		/** 执法人员审看时标记. */
		OFFICER,
		/** 执法记录仪自带标记, imported. */
		DEVICE
	}
}
