package org.lawtrace.cases;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** What an officer gives to add a stage to a case; {@code present} are usernames. */
public record RecordStage(StageKind kind, Instant startedAt, @Nullable Instant endedAt, @Nullable String place,
		List<String> present, @Nullable String note) {

	public RecordStage {
		present = List.copyOf(present);
	}
}
