package org.lawtrace.access.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.access.AccessManagement;
import org.lawtrace.access.AccessRequest;
import org.lawtrace.access.AccessRequestId;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.DomainException;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.NotPermitted;
import org.lawtrace.shared.web.FormError;
import org.lawtrace.shared.web.FormErrors;
import org.lawtrace.staff.Permissions;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of access by approval (ART-20): the request form (申请查阅) opened from a case or a recording, the
 * requester's own requests and the approver's requests to decide, and one request with its decision and grant.
 * Refusals show beside the form; nothing is half-saved.
 */
@Controller
@RequestMapping("/access/requests")
class AccessPagesController {

	static final String LIST = "access/requests";
	static final String NEW = "access/new";
	static final String SHOW = "access/show";

	private final AccessManagement access;
	private final AccessRequestViews views;
	private final CaseManagement cases;

	AccessPagesController(AccessManagement access, AccessRequestViews views, CaseManagement cases) {
		this.access = access;
		this.views = views;
		this.cases = cases;
	}

	@GetMapping
	@Permissions.RequestAccess
	String list(Authentication caller, Model model) {
		model.addAttribute("mine", views.of(access.mine(caller.getName())));
		if (AccessFragmentsController.approves(caller)) {
			model.addAttribute("toDecide", views.of(access.toDecide(caller.getName())));
			model.addAttribute("decided", views.of(access.decidedBy(caller.getName())));
		}
		return LIST;
	}

	@GetMapping("/new")
	@Permissions.RequestAccess
	String form(@RequestParam(required = false) @Nullable UUID caseId,
			@RequestParam(required = false) @Nullable String record, Model model) {
		if (caseId == null && record == null) {
			throw new InvalidInput("caseId", "请指定要查阅的案件或记录 (name the case or the record)");
		}
		if (record != null) {
			AccessRequestForm.parse(record, 0);
		}
		return form(AccessRequestForm.blank(caseId, record), FormErrors.none(), model);
	}

	@PostMapping
	@Permissions.RequestAccess
	String request(AccessRequestForm form, Authentication caller, Model model) {
		try {
			var command = form.toCommand();
			// issue 15: every mistake at once, with what was typed
			var problems = access.problemsWith(command);
			if (problems.isEmpty()) {
				var made = access.request(command, caller.getName());
				return "redirect:/access/requests/" + made.id();
			}
			return refused(form, problems, model);
		}
		catch (InvalidInput e) {
			return refused(form, List.of(e), model);
		}
	}

	/** The form again, as typed, with every refusal; a case that does not exist has no form to show. */
	private String refused(AccessRequestForm form, List<? extends DomainException> problems, Model model) {
		var errors = new ArrayList<FormError>();
		for (var e : problems) {
			if (form.caseId() != null && "caseId".equals(e.field()) || form.caseId() == null && form.chosen().isEmpty()) {
				throw e;
			}
			// the form has one place for the records chosen, whichever of them is at fault
			var field = e.field() != null && e.field().startsWith("records") ? "records" : e.field();
			errors.add(new FormError(AccessRequestForm.FIELDS.contains(field) ? field : null, String.valueOf(e.getMessage())));
		}
		return form(form, new FormErrors(errors), model);
	}

	@GetMapping("/{id}")
	@Permissions.RequestAccess
	String show(@PathVariable UUID id, Authentication caller, Model model) {
		return show(access.visibleTo(new AccessRequestId(id), caller.getName()), null, caller, model);
	}

	@PostMapping("/{id}/decision")
	@Permissions.DecideRequests
	String decide(@PathVariable UUID id, @RequestParam String decision,
			@RequestParam(required = false) @Nullable String opinion, Authentication caller, Model model,
			RedirectAttributes redirect) {
		var requestId = new AccessRequestId(id);
		try {
			if ("approve".equals(decision)) {
				access.approve(requestId, opinion, caller.getName());
			}
			else {
				access.reject(requestId, opinion, caller.getName());
			}
			redirect.addFlashAttribute("done", decision);
			return "redirect:/access/requests/" + id;
		}
		catch (InvalidInput | Conflict | NotPermitted e) {
			return show(access.visibleTo(requestId, caller.getName()), FormError.of(e, Set.of("opinion")),
					caller, model);
		}
	}

	@PostMapping("/{id}/revocation")
	@Permissions.RequestAccess
	String revoke(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
			Authentication caller, Model model, RedirectAttributes redirect) {
		var requestId = new AccessRequestId(id);
		try {
			access.revoke(requestId, reason, caller.getName());
			redirect.addFlashAttribute("done", "revoke");
			return "redirect:/access/requests/" + id;
		}
		catch (InvalidInput | Conflict | NotPermitted e) {
			return show(access.visibleTo(requestId, caller.getName()), FormError.of(e, Set.of("reason")),
					caller, model);
		}
	}

	private String form(AccessRequestForm form, FormErrors errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		// issue 15: asked from a record's own address, the form names the record only, never its case (ART-20)
		if (form.caseId() != null) {
			var c = cases.require(new CaseId(form.caseId()));
			model.addAttribute("caseNumber", c.caseNumber().value());
			model.addAttribute("caseTitle", c.title());
			model.addAttribute("major", c.major());
		}
		return NEW;
	}

	private String show(AccessRequest request, @Nullable FormError error, Authentication caller, Model model) {
		model.addAttribute("request", views.of(request));
		model.addAttribute("recordLabels", views.labels(request.records()));
		model.addAttribute("mayDecide", access.mayDecide(request, caller.getName()));
		model.addAttribute("mayRevoke", access.mayRevoke(request, caller.getName()));
		model.addAttribute("error", error);
		return SHOW;
	}
}
