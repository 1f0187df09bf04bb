package org.lawtrace.recordings;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.CaseId;

/**
 * What to look for among recordings; every criterion is optional. {@code unlinked} finds the daily enforcement
 * recordings (日常执法记录) still waiting to be linked to a case.
 */
public record RecordingQuery(@Nullable CaseId caseId, @Nullable Boolean unlinked, @Nullable String recordedBy,
		@Nullable String sha256, @Nullable RecordingKind kind, int page, int size) {

	public static final int MAX_PAGE_SIZE = 200;
}
