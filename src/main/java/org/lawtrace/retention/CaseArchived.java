package org.lawtrace.retention;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.Audited;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StaffId;

/**
 * A closed case's file was archived (归档, ART-13, ART-14), or a new package version of it made: its 档号, period, the
 * package's digest and the four-property outcome; an override names the director's reason. The audit log keeps it.
 * Only these facts travel (the event publication registry stores events), the report stays with the package.
 */
public record CaseArchived(UUID archiveId, CaseId caseId, String archiveNumber, int version, String period,
		String category, String sha256, long sizeBytes, boolean passed, @Nullable String overrideReason,
		@Nullable String reason, StaffId by) implements Audited.Logged {

	static CaseArchived of(ArchiveFile archive, ArchiveVersion v, StaffId by) {
		return new CaseArchived(archive.id(), archive.caseId(), archive.archiveNumber(), v.version(),
				archive.period().code(), archive.category(), v.digest().sha256(), v.digest().sizeBytes(), v.passed(),
				v.overrideReason(), v.reason(), by);
	}

	@Override
	public Entry entry() {
		return new Entry(by, version == 1 ? "CASE_ARCHIVED" : "ARCHIVE_VERSION_MADE", "CASE", caseId.id().toString(),
				"archive=" + archiveId + " archiveNumber=" + archiveNumber + " version=" + version + " period=" + period
						+ " category=" + category + " sha256=" + sha256 + " size=" + sizeBytes + " passed=" + passed
						+ (overrideReason == null ? "" : " override=true overrideReason=" + overrideReason)
						+ (reason == null ? "" : " reason=" + reason));
	}
}
