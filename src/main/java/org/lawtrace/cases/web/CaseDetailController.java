package org.lawtrace.cases.web;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.cases.StageKind;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.web.FormError;
import org.lawtrace.shared.web.Htmx;
import org.lawtrace.staff.Permissions;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A case's page: its particulars and its stages (环节) in the order they happened (ART-06), and for its handlers
 * the forms to add a stage and to close it. htmx posts the stage form and swaps in the new timeline; without
 * htmx the same post answers with a redirect to the page.
 */
@Controller
@RequestMapping("/cases/{id}")
class CaseDetailController {

	static final String VIEW = "cases/show";
	static final String STAGES = VIEW + " :: stages";

	private final CaseManagement cases;
	private final CaseViews views;
	private final StaffOptions staff;
	private final BureauTime time;

	CaseDetailController(CaseManagement cases, CaseViews views, StaffOptions staff, BureauTime time) {
		this.cases = cases;
		this.views = views;
		this.staff = staff;
		this.time = time;
	}

	@GetMapping
	@Permissions.ReadCases
	String show(@PathVariable UUID id, Authentication caller, Model model) {
		prepare(new CaseId(id), StageForm.blank(caller.getName()), null, caller, model);
		return VIEW;
	}

	@PostMapping("/stages")
	@Permissions.HandleCases
	String addStage(@PathVariable UUID id, StageForm form, Authentication caller, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		var caseId = new CaseId(id);
		try {
			cases.recordStage(caseId, form.toCommand(time.zone()), caller.getName());
		}
		catch (InvalidInput | Conflict e) {
			prepare(caseId, form, FormError.of(e, StageForm.FIELDS), caller, model);
			return Htmx.wantsFragment(request) ? STAGES : VIEW;
		}
		if (Htmx.wantsFragment(request)) {
			prepare(caseId, StageForm.blank(caller.getName()), null, caller, model);
			model.addAttribute("stageRecorded", true);
			// the checklist, documents and recordings sections load themselves again (ART-06)
			Htmx.trigger(response, Htmx.CASE_CHANGED);
			return STAGES;
		}
		redirect.addFlashAttribute("stageRecorded", true);
		return "redirect:/cases/" + id + "#stages";
	}

	@PostMapping("/close")
	@Permissions.HandleCases
	String close(@PathVariable UUID id, Authentication caller) {
		cases.close(new CaseId(id), caller.getName(), null);
		return "redirect:/cases/" + id;
	}

	private void prepare(CaseId id, StageForm form, @Nullable FormError error, Authentication caller, Model model) {
		var c = views.of(cases.require(id));
		model.addAttribute("case", c);
		model.addAttribute("stages", views.stages(cases.stages(id)));
		model.addAttribute("zone", time.zone());
		model.addAttribute("mayAct", cases.mayActOn(id, caller.getName()));
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		model.addAttribute("stageKinds", StageKind.values());
		model.addAttribute("staff", staff.fieldStaff());
	}
}
