package org.lawtrace.access.web;

import java.util.UUID;

import org.lawtrace.access.AccessManagement;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.RecordAccess;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.web.Htmx;
import org.lawtrace.staff.Permission;
import org.lawtrace.staff.Permissions;
import org.lawtrace.staff.StaffDirectory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Parts of other modules' pages that htmx loads from here, so that neither the portal nor recordings nor cases
 * depend on access: the home page's requests to decide and outcomes of one's own, and the live grants on a
 * recording or a case with the way to ask for one (申请查阅).
 */
@Controller
@RequestMapping("/access/fragments")
class AccessFragmentsController {

	static final String FRAGMENTS = "access/fragments";
	private static final int ON_HOME = 5;

	private final AccessManagement access;
	private final AccessRequestViews views;
	private final RecordAccess records;
	private final StaffDirectory staff;

	AccessFragmentsController(AccessManagement access, AccessRequestViews views, RecordAccess records,
			StaffDirectory staff) {
		this.access = access;
		this.views = views;
		this.records = records;
		this.staff = staff;
	}

	static boolean approves(Authentication caller) {
		return Permission.DECIDE_REQUESTS.grantedTo(caller);
	}

	/** The home page's part: what waits for the caller's decision, and how their own latest requests stand. */
	@GetMapping("/home")
	@Permissions.RequestAccess
	String home(Authentication caller, HttpServletRequest request, Model model) {
		if (!Htmx.wantsFragment(request)) {
			return "redirect:/access/requests";
		}
		if (approves(caller)) {
			model.addAttribute("toDecide", views.of(access.toDecide(caller.getName())));
		}
		model.addAttribute("mine", views.of(access.mine(caller.getName()).stream().limit(ON_HOME).toList()));
		return FRAGMENTS + " :: home";
	}

	/** A recording page's part: the grants in force on it, and 申请查阅 for a viewer its content is not open to. */
	@GetMapping("/recording/{id}")
	@Permissions.RequestAccess
	String recording(@PathVariable UUID id, Authentication caller, HttpServletRequest request, Model model) {
		if (!Htmx.wantsFragment(request)) {
			return "redirect:/recordings/" + id;
		}
		return recordGrants(RecordRef.recording(id), caller, model);
	}

	/** The same for a document's page (ART-20 covers text records alike). */
	@GetMapping("/document/{id}")
	@Permissions.RequestAccess
	String document(@PathVariable UUID id, Authentication caller, HttpServletRequest request, Model model) {
		if (!Htmx.wantsFragment(request)) {
			return "redirect:/documents/" + id;
		}
		return recordGrants(RecordRef.document(id), caller, model);
	}

	private String recordGrants(RecordRef record, Authentication caller, Model model) {
		var caseId = access.caseOf(record).orElse(null);
		var viewer = staff.require(caller.getName()).id();
		if (caseId != null && !records.maySeeMetadata(viewer, record, caseId, false)) {
			// ART-20: not even which case a guessed record is in; an unlinked one has no grants to show
			throw new NotFound(record.kind().name().toLowerCase(java.util.Locale.ROOT), record.id());
		}
		model.addAttribute("grants", views.of(access.liveGrantsOn(record)));
		model.addAttribute("caseId", caseId == null ? null : caseId.id());
		model.addAttribute("record", record.toString());
		// whoever made an unlinked record sees it anyway, and no request can name it before it is linked
		model.addAttribute("mayAsk", caseId != null && !records.mayOpen(viewer, record, caseId, false));
		return FRAGMENTS + " :: recordGrants";
	}

	/** A case page's part: the grants in force on the whole case, and 申请查阅 for it. */
	@GetMapping("/case/{id}")
	@Permissions.RequestAccess
	String ofCase(@PathVariable UUID id, HttpServletRequest request, Model model) {
		if (!Htmx.wantsFragment(request)) {
			return "redirect:/cases/" + id + "#access";
		}
		model.addAttribute("grants", views.of(access.liveGrantsOnCase(new CaseId(id))));
		model.addAttribute("caseId", id);
		return FRAGMENTS + " :: caseGrants";
	}
}
