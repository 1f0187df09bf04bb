package org.lawtrace.cases.web;

import java.util.ArrayList;

import org.lawtrace.cases.CaseKind;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.cases.Party;
import org.lawtrace.cases.Procedure;
import org.lawtrace.shared.DomainException;
import org.lawtrace.shared.web.FormErrors;
import org.lawtrace.shared.web.Htmx;
import org.lawtrace.staff.Permissions;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The form an officer opens a case with (ART-02). The number is offered from the bureau's format and the next free
 * running number of the kind chosen; the handler picker offers only qualified officers (ART-08). A refusal re-renders
 * the form with what was typed and every reason at once, each beside the field at fault; nothing is stored.
 */
@Controller
class NewCaseController {

	static final String VIEW = "cases/new";

	private final CaseManagement cases;
	private final StaffOptions staff;

	NewCaseController(CaseManagement cases, StaffOptions staff) {
		this.cases = cases;
		this.staff = staff;
	}

	@GetMapping("/cases/new")
	@Permissions.HandleCases
	String form(Authentication caller, Model model) {
		return form(NewCaseForm.blank(caller.getName()), FormErrors.none(), model);
	}

	/** The number field again, offering the chosen kind's next number unless the officer typed their own (htmx). */
	@GetMapping("/cases/new/number")
	@Permissions.HandleCases
	String number(NewCaseForm form, HttpServletRequest request, Model model) {
		if (!Htmx.wantsFragment(request)) {
			return "redirect:/cases/new";
		}
		model.addAttribute("form", offer(form));
		model.addAttribute("errors", FormErrors.none());
		return VIEW + " :: number";
	}

	@PostMapping("/cases")
	@Permissions.HandleCases
	String open(NewCaseForm posted, Authentication caller, Model model) {
		var form = posted.compacted();
		var problems = new ArrayList<DomainException>(form.problems());
		problems.addAll(cases.problemsWith(form.toCommand()));
		if (problems.isEmpty()) {
			try {
				var opened = cases.open(form.toCommand(), caller.getName());
				return "redirect:/cases/" + opened.id();
			}
			catch (DomainException e) {
				// another officer took the number in the meantime, say
				problems.add(e);
			}
		}
		return form(form, FormErrors.of(problems, NewCaseForm::onForm), model);
	}

	private NewCaseForm offer(NewCaseForm form) {
		return form.kind() == null ? form.offering(null) : form.offering(cases.suggestNumber(form.kind()).orElse(null));
	}

	private String form(NewCaseForm form, FormErrors errors, Model model) {
		model.addAttribute("form", errors.any() ? form : offer(form));
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", CaseKind.values());
		model.addAttribute("procedures", Procedure.values());
		model.addAttribute("partyKinds", Party.Kind.values());
		model.addAttribute("handlerChoices", staff.handlerChoices());
		return VIEW;
	}
}
