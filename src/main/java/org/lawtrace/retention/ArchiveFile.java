package org.lawtrace.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;

/**
 * An archived case file (归档案卷, ART-13, ART-14): its archive number (档号), never reused; the file plan's category
 * and the retention period (保管期限) it gave, counted from the cut-off; and its package versions, the newest last.
 * After archiving the file changes only by an approved correction, which marks it {@code changedSince} until the
 * custodian makes the next version; the old versions stay. Once its period has run out, a disposition the director
 * approved destroys every package version with the case's records, and the file is {@code disposed} (已销毁): its row
 * and 档号 stay, its packages do not (ART-16).
 */
public record ArchiveFile(UUID id, CaseId caseId, String archiveNumber, UnitId unitId, int year, int serial,
		String category, String filePlanVersion, RetentionPeriod period, CutOff cutOff, LocalDate cutOffDate,
		@Nullable LocalDate dueOn, Instant archivedAt, StaffId archivedBy, @Nullable Instant changedSince,
		@Nullable String changeNote, List<ArchiveVersion> versions, @Nullable Disposed disposed) {

	/** When the file's packages were destroyed, under which disposition and its register (销毁清册) number. */
	public record Disposed(Instant at, UUID dispositionId, String registerNumber) {
	}

	/** Its package versions were destroyed under an approved disposition (ART-16). */
	public boolean disposedOf() {
		return disposed != null;
	}

	public ArchiveFile {
		versions = List.copyOf(versions);
	}

	public ArchiveVersion current() {
		return versions.get(versions.size() - 1);
	}

	/** A correction changed the file since its newest package: a new version is due. */
	public boolean needsNewVersion() {
		return changedSince != null;
	}

	ArchiveFile withVersions(List<ArchiveVersion> all) {
		return new ArchiveFile(id, caseId, archiveNumber, unitId, year, serial, category, filePlanVersion, period,
				cutOff, cutOffDate, dueOn, archivedAt, archivedBy, changedSince, changeNote, all, disposed);
	}
}
