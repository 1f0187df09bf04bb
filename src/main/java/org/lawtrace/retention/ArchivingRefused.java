package org.lawtrace.retention;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StaffId;

/**
 * Archiving a case was refused because its four-property check failed (ART-14, DA/T 70-2018); logged at once, with
 * the checks that failed, since nothing of the attempt is kept otherwise.
 */
public record ArchivingRefused(CaseId caseId, StaffId by, String failed) implements Audited.Logged, Audited.AtOnce {

	static ArchivingRefused of(CaseId caseId, StaffId by, ArchiveReport report) {
		return new ArchivingRefused(caseId, by, String.join(",", report.failures().stream()
			.map(f -> f.property() + ":" + f.check()).distinct().toList()));
	}

	@Override
	public Entry entry() {
		return Entry.refused(by, "ARCHIVING_REFUSED", "CASE", caseId.id().toString(), "failed=" + failed);
	}
}
