package org.lawtrace.cases;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** What an officer gives to open a case; handlers are usernames, the handling unit defaults to the first handler's. */
public record OpenCase(String caseNumber, CaseKind kind, Procedure procedure, String title, boolean major,
		List<String> handlers, List<PartyInput> parties, @Nullable UUID handlingUnitId) {

	public OpenCase {
		handlers = List.copyOf(handlers);
		parties = List.copyOf(parties);
	}

	public record PartyInput(Party.Kind kind, String name, String idNumber) {
	}
}
