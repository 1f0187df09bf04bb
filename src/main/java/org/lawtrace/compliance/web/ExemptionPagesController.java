package org.lawtrace.compliance.web;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.compliance.CaseCompliance;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.NotPermitted;
import org.lawtrace.shared.StageId;
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
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Stage exemptions (不宜录音录像, ART-06.1) on the pages: a handler asks from the case page's checklist, giving the
 * reason; the unit's deputy director in charge or the director approves or refuses there, and finds the requests
 * waiting for them on the home page.
 */
@Controller
@RequestMapping("/compliance")
class ExemptionPagesController {

	private final CaseCompliance compliance;
	private final ChecklistPanel panel;

	ExemptionPagesController(CaseCompliance compliance, ChecklistPanel panel) {
		this.compliance = compliance;
		this.panel = panel;
	}

	@PostMapping("/cases/{caseId}/stages/{stageId}/exemptions")
	@Permissions.HandleCases
	String request(@PathVariable UUID caseId, @PathVariable UUID stageId, @RequestParam(required = false) @Nullable String reason,
			Authentication caller, HttpServletRequest request, Model model) {
		var id = new CaseId(caseId);
		try {
			compliance.requestExemption(id, new StageId(stageId), reason, caller.getName());
		}
		catch (InvalidInput | Conflict | NotPermitted e) {
			panel.fill(id, caller.getName(), FormError.of(e, Set.of("reason")), stageId, reason, model);
			return answer(request, model, caseId);
		}
		return done(request, model, id, caller);
	}

	@PostMapping("/cases/{caseId}/exemptions/{exemptionId}/decision")
	@Permissions.DecideRequests
	String decide(@PathVariable UUID caseId, @PathVariable UUID exemptionId,
			@RequestParam(required = false) @Nullable String decision, @RequestParam(required = false) @Nullable String note,
			Authentication caller, HttpServletRequest request, Model model) {
		var id = new CaseId(caseId);
		// the path's case only says which panel to show again; the exemption must belong to it
		if (compliance.exemptions(id, caller.getName()).stream().noneMatch(e -> e.id().equals(exemptionId))) {
			throw new NotFound("exemption", exemptionId);
		}
		try {
			if (!"approve".equals(decision) && !"refuse".equals(decision)) {
				throw new InvalidInput("decision", "请选择批准或不予批准 (approve or refuse)");
			}
			compliance.decideExemption(exemptionId, "approve".equals(decision), note == null || note.isBlank() ? null
					: note.strip(), caller.getName());
		}
		catch (InvalidInput | Conflict | NotPermitted e) {
			panel.fill(id, caller.getName(), FormError.of(e, Set.of("note")), exemptionId, note, model);
			return answer(request, model, caseId);
		}
		return done(request, model, id, caller);
	}

	/** The exemption requests waiting for the signed-in leader, for the home page. */
	@GetMapping("/fragments/exemptions-to-decide")
	@Permissions.DecideRequests
	String toDecide(Authentication caller, HttpServletRequest request, Model model) {
		if (!Htmx.wantsFragment(request)) {
			return "redirect:/#exemptions-to-decide";
		}
		model.addAttribute("pending", compliance.exemptionsToDecide(caller.getName(), 50));
		return "compliance/parts :: exemptionsToDecide";
	}

	private String done(HttpServletRequest request, Model model, CaseId id, Authentication caller) {
		if (!Htmx.wantsFragment(request)) {
			return "redirect:/cases/" + id.id() + "#compliance";
		}
		panel.fill(id, caller.getName(), null, null, null, model);
		model.addAttribute("saved", true);
		return ChecklistPanel.VIEW;
	}

	/** A refused form: the panel again under htmx, else the panel alone in the layout with a way back. */
	private static String answer(HttpServletRequest request, Model model, UUID caseId) {
		if (Htmx.wantsFragment(request)) {
			return ChecklistPanel.VIEW;
		}
		model.addAttribute("panel", ChecklistPanel.VIEW);
		model.addAttribute("back", "/cases/" + caseId);
		return "compliance/form";
	}
}
