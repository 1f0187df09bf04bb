package org.lawtrace.compliance.web;

import java.util.UUID;

import org.lawtrace.compliance.CaseCompliance;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.web.Htmx;
import org.lawtrace.staff.Permissions;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The parts of other modules' pages that htmx loads from here: the case page's checklist (合规检查) and the
 * officer's own open gaps on the home page. The case and home pages know nothing of compliance.
 */
@Controller
@RequestMapping("/compliance/fragments")
class ComplianceFragmentsController {

	private final CaseCompliance compliance;
	private final ChecklistPanel panel;
	private final BureauTime time;

	ComplianceFragmentsController(CaseCompliance compliance, ChecklistPanel panel, BureauTime time) {
		this.compliance = compliance;
		this.panel = panel;
		this.time = time;
	}

	@GetMapping("/case/{caseId}")
	@Permissions.ReadCases
	String ofCase(@PathVariable UUID caseId, Authentication caller, HttpServletRequest request, Model model) {
		if (!Htmx.wantsFragment(request)) {
			return "redirect:/cases/" + caseId + "#compliance";
		}
		panel.fill(new CaseId(caseId), caller.getName(), null, null, null, model);
		return ChecklistPanel.VIEW;
	}

	@GetMapping("/my-gaps")
	@Permissions.HandleCases
	String myGaps(Authentication caller, HttpServletRequest request, Model model) {
		if (!Htmx.wantsFragment(request)) {
			return "redirect:/#my-gaps";
		}
		var gaps = compliance.openGapsOf(caller.getName(), 50);
		model.addAttribute("gaps", gaps);
		model.addAttribute("caseNumbers", compliance.caseNumbersOf(gaps.stream().map(f -> f.caseId()).toList()));
		model.addAttribute("today", time.today());
		return "compliance/parts :: myGaps";
	}
}
