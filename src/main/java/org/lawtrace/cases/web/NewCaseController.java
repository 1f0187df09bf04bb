package org.lawtrace.cases.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.CaseKind;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.cases.Party;
import org.lawtrace.cases.Procedure;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.web.FormErrors;
import org.lawtrace.staff.Permissions;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The form an officer opens a case with (ART-02). A refusal re-renders the form with what was typed and the
 * domain's reason beside the field at fault; nothing is stored.
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

	@PostMapping("/cases")
	@Permissions.HandleCases
	String open(NewCaseForm form, Authentication caller, Model model) {
		// issue 15: every mistake at once, with what was typed; the module still checks all when it opens the case
		var problems = cases.problemsWith(form.draft());
		if (!problems.isEmpty()) {
			return form(form, FormErrors.of(problems, NewCaseForm.FIELDS), model);
		}
		try {
			var opened = cases.open(form.toCommand(), caller.getName());
			return "redirect:/cases/" + opened.id();
		}
		catch (InvalidInput | Conflict e) {
			return form(form, FormErrors.of(List.of(e), NewCaseForm.FIELDS), model);
		}
	}

	private String form(NewCaseForm form, FormErrors errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", CaseKind.values());
		model.addAttribute("procedures", Procedure.values());
		model.addAttribute("partyKinds", Party.Kind.values());
		model.addAttribute("staff", staff.fieldStaff());
		return VIEW;
	}
}
