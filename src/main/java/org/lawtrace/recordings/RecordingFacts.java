package org.lawtrace.recordings;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StaffId;

/**
 * What a recording's rows say of the facts its audit entries also state (ART-22, issue 12): its digests and size,
 * and for each revision the recorder and the case it was linked to, oldest first.
 */
public record RecordingFacts(RecordingId id, String sha256, long sizeBytes, @Nullable String sm3,
		List<RevisionFacts> revisions) {

	public RecordingFacts {
		revisions = List.copyOf(revisions);
	}

	/** One revision as the table holds it; {@code current} is the one the recording now shows. */
	public record RevisionFacts(int version, StaffId recordedBy, @Nullable CaseId caseId, boolean current) {
	}
}
