package org.lawtrace.access;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.RecordRef;

/**
 * What the legal affairs unit asks to be packed (ART-19): for whom, why, and either a whole case (no items named:
 * every record of the case) or chosen records, each with what it is offered to prove (证明目的) and, for sound, a
 * transcript (文字记录) where the clerk has one. Every field may be missing as it arrives; the packaging names the
 * one at fault.
 */
public record PackageOrder(@Nullable PackageRecipientKind recipientKind, @Nullable String recipient,
		@Nullable String purpose, @Nullable UUID caseId, @Nullable List<Item> items) {

	/** One chosen record; an empty {@code offeredToProve} takes the package's purpose. */
	public record Item(RecordRef.@Nullable Kind kind, @Nullable UUID id, @Nullable String offeredToProve,
			@Nullable String transcript) {
	}
}
