package org.lawtrace.shared;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A module that holds records of one kind, saying which of them exist and which case each belongs to now, so that
 * access requests and grants can name records without the {@code access} module depending on their holders.
 */
public interface RecordHolder {

	RecordRef.Kind kind();

	/** The record with this id, or empty when this holder has none such. */
	Optional<Placement> find(UUID id);

	/** Where a record stands: the case it is linked to now, or null for a record not (yet) linked to one. */
	record Placement(RecordRef record, @Nullable CaseId caseId) {
	}
}
