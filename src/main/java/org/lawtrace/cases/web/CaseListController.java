package org.lawtrace.cases.web;

import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseKind;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.shared.web.Htmx;
import org.lawtrace.staff.Permissions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The case list with its search form. htmx re-runs the search as the user types and swaps in only the results,
 * so the page answers with the results fragment to htmx and with the whole page to everyone else.
 */
@Controller
class CaseListController {

	static final String VIEW = "cases/list";
	static final String RESULTS = VIEW + " :: results";

	private final CaseManagement cases;
	private final CaseViews views;
	private final StaffOptions staff;

	CaseListController(CaseManagement cases, CaseViews views, StaffOptions staff) {
		this.cases = cases;
		this.views = views;
		this.staff = staff;
	}

	@GetMapping("/cases")
	@Permissions.ReadCases
	String list(CaseSearch search, HttpServletRequest request, Model model) {
		var found = cases.search(search.query());
		model.addAttribute("search", search);
		model.addAttribute("items", views.of(found.items()));
		model.addAttribute("total", found.total());
		model.addAttribute("page", found.page());
		model.addAttribute("lastPage", Math.max(0, (found.total() - 1) / found.size()));
		if (Htmx.wantsFragment(request)) {
			return RESULTS;
		}
		model.addAttribute("handlers", staff.fieldStaff());
		model.addAttribute("statuses", Case.Status.values());
		model.addAttribute("kinds", CaseKind.values());
		return VIEW;
	}
}
