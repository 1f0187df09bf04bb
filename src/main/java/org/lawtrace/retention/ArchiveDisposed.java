package org.lawtrace.retention;

import java.util.UUID;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StaffId;

/**
 * An archived case file was disposed of (销毁, ART-16): every package version, and each disc image holding one, was
 * destroyed under a disposition the director approved, after every record the packages held. The file's row and
 * 档号 stay; its packages answer 410 from now on. Logged on the case.
 */
public record ArchiveDisposed(UUID archiveId, CaseId caseId, String archiveNumber, int packageVersions,
		int discImages, UUID disposition, String registerNumber, StaffId approvedBy, StaffId carriedOutBy)
		implements Audited.Logged {

	@Override
	public Entry entry() {
		return new Entry(carriedOutBy, "ARCHIVE_DISPOSED", "CASE", caseId.id().toString(), "archive=" + archiveId
				+ " archiveNumber=" + archiveNumber + " versions=" + packageVersions + " discImages=" + discImages
				+ " disposition=" + disposition + " register=" + registerNumber + " approvedBy=" + approvedBy.id());
	}
}
