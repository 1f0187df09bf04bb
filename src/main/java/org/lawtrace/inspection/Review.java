package org.lawtrace.inspection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;

/**
 * The review of one sampled record (检查, ART-21): the checklist answered item by item, notes at positions of the
 * recording, and, once concluded, the conclusion with its reasons.
 */
public record Review(UUID id, UUID planId, UUID recordId, StaffId inspector, StaffId officer, UnitId unit,
		List<Item> items, List<Note> notes, @Nullable Conclusion conclusion, @Nullable String reasons,
		Instant startedAt, @Nullable Instant concludedAt) {

	public Review {
		items = List.copyOf(items);
		notes = List.copyOf(notes);
	}

	/** One checklist item with its answer (符合 / 不符合 / 不适用) and a note. */
	public record Item(int position, String text, Verdict verdict, @Nullable String note) {
	}

	/** A note at a position of the recording, in seconds from its start. */
	public record Note(UUID id, int atSeconds, String text, StaffId writtenBy, Instant writtenAt) {
	}

	public boolean concluded() {
		return conclusion != null;
	}
}
