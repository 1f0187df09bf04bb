package org.lawtrace.shared;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * ART-20: which records' metadata one viewer may see, answered once so that a list can filter in its query rather
 * than ask row by row. Either everything (a custodian, ART-13), or the records of {@code cases} (the open cases the
 * viewer handles, and those a live grant opens whole), the records {@code records} a live grant names, and, while a
 * record is in no case, those the viewer made or uploaded.
 */
public record RecordVisibility(StaffId viewer, boolean everything, Set<CaseId> cases, Set<RecordRef> records) {

	public RecordVisibility {
		cases = Set.copyOf(cases);
		records = Set.copyOf(records);
	}

	public static RecordVisibility everything(StaffId viewer) {
		return new RecordVisibility(viewer, true, Set.of(), Set.of());
	}

	/** The same answer as {@link RecordAccess#maySeeMetadata} for this record, without asking again. */
	public boolean sees(RecordRef record, @Nullable CaseId caseId, boolean madeByViewer) {
		if (everything || records.contains(record)) {
			return true;
		}
		return caseId == null ? madeByViewer : cases.contains(caseId);
	}

	/** Whether every record of this case is visible: the case page then shows its records rather than a count. */
	public boolean seesWholeCase(CaseId caseId) {
		return everything || cases.contains(caseId);
	}

	public List<UUID> caseIds() {
		return cases.stream().map(CaseId::id).toList();
	}

	/** The ids of the records of this kind that a grant names one by one. */
	public List<UUID> recordIds(RecordRef.Kind kind) {
		return records.stream().filter(r -> r.kind() == kind).map(RecordRef::id).toList();
	}
}
