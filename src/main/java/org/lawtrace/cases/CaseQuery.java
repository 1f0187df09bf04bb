package org.lawtrace.cases;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What to look for among cases; every criterion is optional. {@code number} and {@code party} match a part of
 * the case number, the party's name or its identity number; dates bound the opening day, inclusive.
 */
public record CaseQuery(@Nullable String number, @Nullable String party, @Nullable String handler,
		@Nullable LocalDate openedFrom, @Nullable LocalDate openedTo, Case.@Nullable Status status,
		@Nullable CaseKind kind, int page, int size) {

	public static final int MAX_PAGE_SIZE = 200;

	public static CaseQuery all() {
		return new CaseQuery(null, null, null, null, null, null, null, 0, 20);
	}
}
