package org.lawtrace.retention;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.CaseId;

/**
 * A record of an archived case changed by an approved correction (ART-14, issue 11): its file is marked as needing
 * a new package version, which the custodian makes; the old versions stay.
 */
public record ArchiveChangeNoted(CaseId caseId, String archiveNumber, String change) implements Audited.Logged {

	@Override
	public Entry entry() {
		return new Entry(null, "ARCHIVE_CHANGE_NOTED", "CASE", caseId.id().toString(),
				"archiveNumber=" + archiveNumber + " change=" + change);
	}
}
