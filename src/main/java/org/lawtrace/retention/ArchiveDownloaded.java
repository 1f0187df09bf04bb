package org.lawtrace.retention;

import java.util.UUID;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StaffId;

/** An archival package was handed out; logged at once, since the bytes leave outside any transaction (ART-22). */
public record ArchiveDownloaded(UUID archiveId, CaseId caseId, String archiveNumber, int version, String sha256,
		StaffId by) implements Audited.Logged, Audited.AtOnce {

	@Override
	public Entry entry() {
		return new Entry(by, "ARCHIVE_DOWNLOADED", "CASE", caseId.id().toString(), "archive=" + archiveId
				+ " archiveNumber=" + archiveNumber + " version=" + version + " sha256=" + sha256);
	}
}
