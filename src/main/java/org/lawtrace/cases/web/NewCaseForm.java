package org.lawtrace.cases.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.CaseKind;
import org.lawtrace.cases.OpenCase;
import org.lawtrace.cases.Party;
import org.lawtrace.cases.Procedure;
import org.lawtrace.shared.DomainException;
import org.lawtrace.shared.InvalidInput;

/**
 * The new-case form as posted. Its inputs are named as the domain names fields in its refusals (down to
 * {@code parties[1].idNumber}), so a refusal lands beside the input it is about; it takes any number of parties
 * (rows added and removed on the page), and the handlers as ticked boxes. {@code major} is a checkbox: absent from
 * the post when unticked. {@code suggested} is the number the page offered, so that choosing another kind offers
 * that kind's number in its place, but never replaces a number the officer typed.
 */
record NewCaseForm(@Nullable String caseNumber, @Nullable String suggested, @Nullable CaseKind kind,
		@Nullable Procedure procedure, @Nullable String title, @Nullable Boolean major, @Nullable List<String> handlers,
		@Nullable List<PartyForm> parties) {

	private static final Pattern FIELDS = Pattern.compile(
			"caseNumber|kind|procedure|title|handlers|parties|parties\\[\\d+]\\.(kind|name|idNumber)");

	/** A blank form, with the officer filling it in as the first handler and one party row. */
	static NewCaseForm blank(String officer) {
		return new NewCaseForm("", "", null, Procedure.GENERAL, "", false, List.of(officer),
				List.of(new PartyForm(Party.Kind.ORGANIZATION, "", "")));
	}

	static boolean onForm(String field) {
		return FIELDS.matcher(field).matches();
	}

	/**
	 * The form as the page shows it again: the party rows the officer left empty (or removed, leaving a gap in the
	 * numbering) dropped, one empty row kept when there is none, so that refusals name the rows as shown.
	 */
	NewCaseForm compacted() {
		var rows = new ArrayList<PartyForm>();
		if (parties != null) {
			parties.stream().filter(Objects::nonNull).filter(p -> !p.blank()).forEach(rows::add);
		}
		if (rows.isEmpty()) {
			rows.add(new PartyForm(Party.Kind.ORGANIZATION, "", ""));
		}
		return new NewCaseForm(caseNumber, suggested, kind, procedure, title, major,
				handlers == null ? List.of() : handlers.stream().filter(Objects::nonNull).distinct().toList(), rows);
	}

	/** With another number offered; the number shown follows it unless the officer typed their own. */
	NewCaseForm offering(@Nullable String suggestion) {
		var typedOwn = caseNumber != null && !caseNumber.isBlank() && !caseNumber.equals(suggested);
		var offered = suggestion == null ? "" : suggestion;
		return new NewCaseForm(typedOwn ? caseNumber : offered, offered, kind, procedure, title, major, handlers,
				parties);
	}

	/** The form's own refusals: choices the domain cannot be asked about without. */
	List<DomainException> problems() {
		var problems = new ArrayList<DomainException>();
		if (kind == null) {
			problems.add(new InvalidInput("kind", "请选择案件类型 (choose the kind of case)"));
		}
		if (procedure == null) {
			problems.add(new InvalidInput("procedure", "请选择程序 (choose the procedure)"));
		}
		return problems;
	}

	/**
	 * The command; with no kind chosen yet (refused by {@link #problems}) the domain still judges the rest, as the
	 * kind that asks least of its handlers, so that their refusal is not about a kind nobody chose.
	 */
	OpenCase toCommand() {
		var rows = parties == null ? List.<PartyForm>of() : parties;
		return new OpenCase(orEmpty(caseNumber), kind == null ? CaseKind.SUPERVISION_INSPECTION : kind,
				procedure == null ? Procedure.GENERAL : procedure, orEmpty(title), Boolean.TRUE.equals(major),
				handlers == null ? List.of() : handlers,
				rows.stream().map(p -> new OpenCase.PartyInput(p.kind(), orEmpty(p.name()), orEmpty(p.idNumber())))
					.toList(),
				null);
	}

	public List<PartyForm> partyRows() {
		return parties == null ? List.of() : parties;
	}

	public boolean handledBy(String username) {
		return handlers != null && handlers.contains(username);
	}

	private static String orEmpty(@Nullable String s) {
		return s == null ? "" : s;
	}

	record PartyForm(Party.@Nullable Kind kind, @Nullable String name, @Nullable String idNumber) {

		boolean blank() {
			return (name == null || name.isBlank()) && (idNumber == null || idNumber.isBlank());
		}
	}
}
