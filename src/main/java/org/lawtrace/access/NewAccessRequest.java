package org.lawtrace.access;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.RecordRef;

/**
 * What a requester asks for (ART-20): the case, the whole of it or chosen records of it, why, and for how many
 * days. Every part may be missing as sent; the access module says which one is at fault.
 */
public record NewAccessRequest(@Nullable UUID caseId, AccessRequest.@Nullable Scope scope,
		@Nullable List<RecordRef> records, @Nullable String purpose, @Nullable Integer days) {
}
