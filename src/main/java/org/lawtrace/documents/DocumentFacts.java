package org.lawtrace.documents;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.CaseId;

/**
 * What a document's rows say of the facts its audit entries also state (ART-22, issue 12): its case, and each
 * version's digests and size, oldest first.
 */
public record DocumentFacts(DocumentId id, CaseId caseId, List<VersionFacts> versions) {

	public DocumentFacts {
		versions = List.copyOf(versions);
	}

	/** One file version as the table holds it. */
	public record VersionFacts(int version, String sha256, long sizeBytes, @Nullable String sm3) {
	}
}
