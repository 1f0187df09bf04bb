package org.lawtrace.shared;

import java.time.Instant;
import java.util.Optional;

/**
 * Which records were lawfully destroyed (依法销毁, ART-16): their metadata stays, their content is gone. The modules
 * that hold records ask this before serving content, so they answer 410 Gone instead of failing on a missing blob.
 * Answered by the retention module, which keeps the tombstones.
 */
public interface DestroyedRecords {

	/** @return when and under which register entry the record's content was destroyed; empty when it was not. */
	Optional<Tombstone> destroyed(RecordRef record);

	record Tombstone(RecordRef record, Instant destroyedAt, String registerNumber) {
	}
}
