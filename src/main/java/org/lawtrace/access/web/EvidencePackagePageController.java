package org.lawtrace.access.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.access.AccessManagement;
import org.lawtrace.access.AccessRequest;
import org.lawtrace.access.EvidencePackage;
import org.lawtrace.access.EvidencePackaging;
import org.lawtrace.access.EvidencePackaging.PackingAccess;
import org.lawtrace.access.NewAccessRequest;
import org.lawtrace.access.PackageItem;
import org.lawtrace.access.PackageRecipientKind;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.cases.CaseQuery;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.DomainException;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.web.FormError;
import org.lawtrace.shared.web.FormErrors;
import org.lawtrace.staff.Permissions;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The legal affairs unit's export page (ART-19): find a case, choose its records (or take them all), name the body
 * they go to and what each is offered to prove, make the package; below, the packages made, to download. Each
 * record shows whether a grant opens it to the clerk (ART-20); one that needs approval has a 申请查阅 button that asks
 * for it at once, with the form's purpose, and comes back to the form as it was typed (issue 15).
 */
@Controller
@RequestMapping("/packages")
class EvidencePackagePageController {

	private static final Set<String> FIELDS = Set.of("recipientKind", "recipient", "purpose", "caseId", "items");

	private final EvidencePackaging packaging;
	private final AccessManagement access;
	private final CaseManagement cases;
	private final StaffDirectory staff;
	private final BureauTime time;
	private final EvidencePackageController content;

	EvidencePackagePageController(EvidencePackaging packaging, AccessManagement access, CaseManagement cases,
			StaffDirectory staff, BureauTime time, EvidencePackageController content) {
		this.access = access;
		this.content = content;
		this.packaging = packaging;
		this.cases = cases;
		this.staff = staff;
		this.time = time;
	}

	@GetMapping
	@Permissions.MakeEvidencePackages
	String page(@RequestParam(required = false) @Nullable String caseNumber,
			@RequestParam(required = false) @Nullable UUID caseId, @RequestParam(required = false) @Nullable UUID created,
			Authentication caller, Model model) {
		var found = caseId != null ? cases.require(new CaseId(caseId)) : byNumber(caseNumber);
		model.addAttribute("created", created);
		return show(model, found, caseNumber, List.of(), PackageForm.blank(), caller);
	}

	@PostMapping
	@Permissions.MakeEvidencePackages
	String create(@RequestParam MultiValueMap<String, String> values, Authentication caller, Model model) {
		var form = new PackageForm(values);
		var theCase = theCase(form);
		try {
			var order = form.toOrder(candidates(theCase));
			var problems = packaging.problemsWith(order, caller.getName());
			if (!problems.isEmpty()) {
				return show(model, theCase, null, errors(problems), form, caller);
			}
			var made = packaging.create(order, caller.getName());
			return "redirect:/packages?created=" + made.id();
		}
		catch (DomainException e) {
			return show(model, theCase, null, errors(List.of(e)), form, caller);
		}
	}

	/**
	 * 申请查阅 from the export page (ART-20): asks at once for the record named by {@code askFor} ({@code
	 * RECORDING:<id>}, {@code DOCUMENT:<id>}) or for the whole case ({@code CASE}), with the form's purpose, and
	 * answers with the form as typed, the new request linked. A refusal (no purpose, say) shows beside its field.
	 */
	@PostMapping("/access-requests")
	@Permissions.MakeEvidencePackages
	String ask(@RequestParam MultiValueMap<String, String> values,
			@RequestParam(required = false) @Nullable String askFor, Authentication caller, Model model) {
		// askFor is read here rather than required by the binding, so that the role gate answers first
		var form = new PackageForm(values);
		var theCase = theCase(form);
		try {
			if (theCase == null) {
				throw new InvalidInput("caseId", "请先查找案件 (find the case first)");
			}
			if (askFor == null || askFor.isBlank()) {
				throw new InvalidInput("items", "请选择要申请查阅的记录 (choose the record to ask for)");
			}
			var whole = "CASE".equals(askFor);
			var made = access.request(new NewAccessRequest(theCase.id().id(),
					whole ? AccessRequest.Scope.CASE : AccessRequest.Scope.RECORDS,
					whole ? List.of() : List.of(PackageForm.ref(askFor)), form.getFirst("purpose"),
					AccessRequestForm.DEFAULT_DAYS), caller.getName());
			model.addAttribute("asked", made.id().id());
			return show(model, theCase, null, List.of(), form, caller);
		}
		catch (DomainException e) {
			var field = e.field() != null && e.field().startsWith("records") ? "items" : e.field();
			return show(model, theCase, null, List.of(new FormError(FIELDS.contains(field) ? field : null,
					String.valueOf(e.getMessage()))), form, caller);
		}
	}

	/** The stored bag, for the legal affairs unit to hand over; logged as the REST download is. */
	@GetMapping("/{id}/download")
	@Permissions.MakeEvidencePackages
	ResponseEntity<Resource> download(@PathVariable UUID id, Authentication caller) {
		return content.content(id, caller);
	}

	private String show(Model model, @Nullable Case theCase, @Nullable String caseNumber, List<FormError> errors,
			PackageForm form, Authentication caller) {
		var candidates = candidates(theCase);
		model.addAttribute("caseNumber", theCase != null ? theCase.caseNumber().value() : caseNumber);
		model.addAttribute("theCase", theCase);
		model.addAttribute("candidates", candidates);
		model.addAttribute("access", candidates.isEmpty() ? Map.<RecordRef, PackingAccess>of()
				: packaging.accessOf(candidates, caller.getName()));
		model.addAttribute("recipientKinds", PackageRecipientKind.values());
		model.addAttribute("form", form);
		model.addAttribute("errors", new FormErrors(errors));
		var me = staff.require(caller.getName()).id();
		model.addAttribute("packages", packaging.latest(50).stream().map(p -> row(p, me)).toList());
		return "packages/index";
	}

	private static List<FormError> errors(List<DomainException> problems) {
		return problems.stream().map(e -> FormError.of(e, FIELDS)).toList();
	}

	private List<PackageItem> candidates(@Nullable Case theCase) {
		return theCase == null ? List.of() : packaging.candidates(theCase.id());
	}

	private @Nullable Case theCase(PackageForm form) {
		var caseId = form.caseId();
		return caseId == null ? null : cases.require(new CaseId(caseId));
	}

	private @Nullable Case byNumber(@Nullable String caseNumber) {
		if (caseNumber == null || caseNumber.isBlank()) {
			return null;
		}
		var wanted = caseNumber.strip();
		return cases.search(new CaseQuery(wanted, null, null, null, null, null, null, 0, 20)).items().stream()
			.filter(c -> c.caseNumber().value().equals(wanted)).findFirst().orElse(null);
	}

	private Row row(EvidencePackage p, org.lawtrace.shared.StaffId me) {
		return new Row(p, staff.byId(p.createdBy()).map(StaffMember::name).orElse(p.createdBy().toString()),
				time.local(p.createdAt()), p.expiresAt() == null ? null : time.local(p.expiresAt()),
				p.createdBy().equals(me) && !p.expiredAt(time.now()));
	}

	/**
	 * A package as the list shows it; only its maker is offered the download, until it expires (ART-19), and even
	 * then only while their grants last.
	 */
	record Row(EvidencePackage p, String createdBy, java.time.OffsetDateTime createdAt,
			java.time.@Nullable OffsetDateTime expiresAt, boolean downloadable) {
	}
}
