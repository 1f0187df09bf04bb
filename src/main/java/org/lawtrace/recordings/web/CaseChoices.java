package org.lawtrace.recordings.web;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.cases.CaseQuery;
import org.lawtrace.cases.Party;
import org.lawtrace.cases.StageKind;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.CaseNumber;
import org.lawtrace.shared.NotFound;
import org.springframework.stereotype.Component;

/**
 * Finds the case a recording belongs to by its number (案号), as people know cases, and offers that case's stages
 * to tick; also names the cases and stages a recording's revisions point at.
 */
@Component
class CaseChoices {

	static final int MATCHES_SHOWN = 10;

	private final CaseManagement cases;
	private final BureauTime time;

	CaseChoices(CaseManagement cases, BureauTime time) {
		this.cases = cases;
		this.time = time;
	}

	record CaseOption(UUID id, String caseNumber, String title, List<String> parties, Case.Status status) {
	}

	record StageOption(UUID id, StageKind kind, OffsetDateTime startedAt, boolean avMandatory, String article) {
	}

	/**
	 * What the case picker shows: the case chosen (with its stages, those in {@code checked} ticked), or the cases
	 * whose numbers contain what was typed, to choose from.
	 */
	record Choice(@Nullable String typed, @Nullable CaseOption chosen, List<StageOption> stages, Set<UUID> checked,
			List<CaseOption> matches) {

		static Choice none() {
			return new Choice(null, null, List.of(), Set.of(), List.of());
		}

		public boolean searched() {
			return typed != null && !typed.isBlank();
		}

		public boolean isChecked(UUID stage) {
			return checked.contains(stage);
		}
	}

	/**
	 * @param chosenId a case chosen from the matches (or already linked), which wins over what was typed.
	 * @param typed part of a case number; the case whose number it is exactly counts as chosen.
	 */
	Choice pick(@Nullable UUID chosenId, @Nullable String typed, @Nullable Collection<UUID> checked) {
		var ticked = checked == null ? Set.<UUID>of() : Set.copyOf(checked);
		if (chosenId != null) {
			var chosen = find(new CaseId(chosenId));
			if (chosen != null) {
				return new Choice(typed, option(chosen), stages(chosen.id()), ticked, List.of());
			}
		}
		if (typed == null || typed.isBlank()) {
			return Choice.none();
		}
		var found = matching(typed);
		if (found.size() == 1 && found.get(0).caseNumber().equals(CaseNumber.normalised(typed))) {
			var chosen = found.get(0);
			return new Choice(typed, chosen, stages(new CaseId(chosen.id())), ticked, List.of());
		}
		return new Choice(typed, null, List.of(), Set.of(), found);
	}

	/** The cases whose numbers contain {@code typed}; only the one whose number it is, if there is one. */
	List<CaseOption> matching(String typed) {
		var found = cases.search(new CaseQuery(typed.strip(), null, null, null, null, null, null, 0, MATCHES_SHOWN))
			.items().stream().map(CaseChoices::option).toList();
		var exact = found.stream().filter(c -> c.caseNumber().equals(CaseNumber.normalised(typed))).toList();
		return exact.isEmpty() ? found : exact;
	}

	@Nullable CaseOption option(CaseId id) {
		var found = find(id);
		return found == null ? null : option(found);
	}

	List<StageOption> stages(CaseId caseId) {
		return cases.stages(caseId).stream()
			.map(s -> new StageOption(s.id().id(), s.kind(), time.local(s.startedAt()), s.avMandatory(),
					s.kind().article()))
			.toList();
	}

	Map<UUID, StageOption> stagesById(CaseId caseId) {
		return stages(caseId).stream().collect(Collectors.toMap(StageOption::id, Function.identity()));
	}

	private @Nullable Case find(CaseId id) {
		try {
			return cases.require(id);
		}
		catch (NotFound e) {
			return null;
		}
	}

	private static CaseOption option(Case c) {
		return new CaseOption(c.id().id(), c.caseNumber().value(), c.title(),
				c.parties().stream().map(Party::name).toList(), c.status());
	}
}
