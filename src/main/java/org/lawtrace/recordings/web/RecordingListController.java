package org.lawtrace.recordings.web;

import java.util.List;

import org.lawtrace.recordings.RecordingCatalog;
import org.lawtrace.recordings.RecordingDerivatives;
import org.lawtrace.recordings.RecordingKind;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.web.Htmx;
import org.lawtrace.staff.Permissions;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The recording list with its filters, each row with its ART-15.2 labels, or marked as a daily enforcement
 * recording (日常执法记录) still to be linked, and marked late where it was stored after the ART-15.1 deadline.
 * htmx re-runs the search as the filters change and swaps in only the results.
 */
@Controller
class RecordingListController {

	static final String VIEW = "recordings/list";
	static final String RESULTS = VIEW + " :: results";

	private final RecordingCatalog catalog;
	private final RecordingViews views;
	private final CaseChoices choices;
	private final Recorders recorders;

	private final RecordingDerivatives derivatives;

	RecordingListController(RecordingCatalog catalog, RecordingViews views, CaseChoices choices, Recorders recorders,
			RecordingDerivatives derivatives) {
		this.derivatives = derivatives;
		this.catalog = catalog;
		this.views = views;
		this.choices = choices;
		this.recorders = recorders;
	}

	@GetMapping("/recordings")
	@Permissions.ReadRecords
	String list(RecordingSearch search, Authentication caller, HttpServletRequest request, Model model) {
		model.addAttribute("search", search);
		var matches = search.byCase() ? choices.matching(search.caseNumber()) : List.<CaseChoices.CaseOption>of();
		model.addAttribute("noCase", search.byCase() && matches.isEmpty());
		if (search.byCase() && matches.size() != 1) {
			// no case, or several: the page offers those to pick from rather than mixing their recordings
			model.addAttribute("caseMatches", matches);
			model.addAttribute("items", List.of());
			model.addAttribute("total", 0L);
			model.addAttribute("page", 0);
			model.addAttribute("lastPage", 0L);
		}
		else {
			var caseId = matches.isEmpty() ? null : new CaseId(matches.get(0).id());
			var found = catalog.search(search.query(caseId), caller.getName()); // ART-20: only what the caller may see
			model.addAttribute("caseMatches", List.of());
			model.addAttribute("items", views.of(found.items()));
			model.addAttribute("posters", Posters.ids(derivatives.postersOpenAmong(found.items(), caller.getName())));
			model.addAttribute("total", found.total());
			model.addAttribute("page", found.page());
			model.addAttribute("lastPage", Math.max(0, (found.total() - 1) / found.size()));
		}
		if (Htmx.wantsFragment(request)) {
			return RESULTS;
		}
		model.addAttribute("kinds", RecordingKind.values());
		model.addAttribute("recorders", recorders.all());
		return VIEW;
	}
}
