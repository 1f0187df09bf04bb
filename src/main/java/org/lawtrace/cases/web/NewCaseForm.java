package org.lawtrace.cases.web;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.CaseKind;
import org.lawtrace.cases.OpenCase;
import org.lawtrace.cases.Party;
import org.lawtrace.cases.Procedure;
import org.lawtrace.shared.InvalidInput;

/**
 * The new-case form as posted. Its inputs are named as the domain names fields in its refusals (down to
 * {@code parties[0].idNumber}), so a refusal lands beside the input it is about; the form takes one party.
 * {@code major} is a checkbox: absent from the post when unticked.
 */
record NewCaseForm(@Nullable String caseNumber, @Nullable CaseKind kind, @Nullable Procedure procedure,
		@Nullable String title, @Nullable Boolean major, @Nullable List<String> handlers,
		@Nullable List<PartyForm> parties) {

	static final Set<String> FIELDS = Set.of("caseNumber", "kind", "procedure", "title", "handlers",
			"parties[0].kind", "parties[0].name", "parties[0].idNumber");

	/** A blank form, with the officer filling it in as the first handler. */
	static NewCaseForm blank(String officer) {
		return new NewCaseForm("", null, Procedure.GENERAL, "", false, List.of(officer),
				List.of(new PartyForm(Party.Kind.ORGANIZATION, "", "")));
	}

	OpenCase toCommand() {
		if (kind == null) {
			throw new InvalidInput("kind", "请选择案件类型 (choose the kind of case)");
		}
		if (procedure == null) {
			throw new InvalidInput("procedure", "请选择程序 (choose the procedure)");
		}
		var party = party();
		var partyInputs = party == null ? List.<OpenCase.PartyInput>of()
				: List.of(new OpenCase.PartyInput(party.kind(), orEmpty(party.name()), orEmpty(party.idNumber())));
		return new OpenCase(orEmpty(caseNumber), kind, procedure, orEmpty(title), Boolean.TRUE.equals(major),
				handlers == null ? List.of() : handlers, partyInputs, null);
	}

	/**
	 * The form as a command whatever is missing, kind and procedure included, for {@code CaseManagement.problemsWith}
	 * to name every mistake at once.
	 */
	@SuppressWarnings("NullAway") // a draft: problemsWith takes the missing kind and procedure as mistakes
	OpenCase draft() {
		var party = party();
		var partyInputs = party == null ? List.<OpenCase.PartyInput>of()
				: List.of(new OpenCase.PartyInput(party.kind(), orEmpty(party.name()), orEmpty(party.idNumber())));
		return new OpenCase(orEmpty(caseNumber), kind, procedure, orEmpty(title), Boolean.TRUE.equals(major),
				handlers == null ? List.of() : handlers, partyInputs, null);
	}

	public @Nullable PartyForm party() {
		return parties == null || parties.isEmpty() ? null : parties.get(0);
	}

	public boolean handledBy(String username) {
		return handlers != null && handlers.contains(username);
	}

	private static String orEmpty(@Nullable String s) {
		return s == null ? "" : s;
	}

	record PartyForm(Party.@Nullable Kind kind, @Nullable String name, @Nullable String idNumber) {
	}
}
