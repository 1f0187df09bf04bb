package org.lawtrace.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;

/**
 * A spot-check plan (抽查方案, ART-21) of the discipline unit: which records it draws from (recorded within
 * {@code from}..{@code to}, by these units' or officers' people, of these kinds), how many, the conduct checklist, and
 * the inspectors who review the sample. Drawn with a kept seed; the director's approval (ART-20) opens the sample to
 * the inspectors until the end of {@code reviewUntil}.
 */
public record SpotCheckPlan(UUID id, String title, LocalDate from, LocalDate to, LocalDate reviewUntil,
		Set<RecordKind> kinds, @Nullable Integer sampleSize, @Nullable Integer samplePercent, List<UnitId> units,
		List<StaffId> officers, List<StaffId> inspectors, List<String> checklist, Status status, StaffId definedBy,
		Instant definedAt, @Nullable Long seed, @Nullable StaffId drawnBy, @Nullable Instant drawnAt, int draws,
		@Nullable StaffId approvedBy, @Nullable Instant approvedAt) {

	public enum Status {
		/** 已制定: defined, not drawn yet. */
		DEFINED,
		/** 已抽取: drawn, waiting for the director. */
		DRAWN,
		/** 已批准: approved; the sample is open to the inspectors for the plan's period. */
		APPROVED
	}

	public SpotCheckPlan {
		kinds = Set.copyOf(kinds);
		units = List.copyOf(units);
		officers = List.copyOf(officers);
		inspectors = List.copyOf(inspectors);
		checklist = List.copyOf(checklist);
	}

	public boolean inspectedBy(StaffId staff) {
		return inspectors.contains(staff);
	}
}
