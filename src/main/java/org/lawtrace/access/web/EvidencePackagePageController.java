package org.lawtrace.access.web;

import java.util.ArrayList;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.access.EvidencePackage;
import org.lawtrace.access.EvidencePackaging;
import org.lawtrace.access.PackageOrder;
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
import org.lawtrace.staff.Permissions;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The legal affairs unit's export page (ART-19): find a case, choose its records (or take them all), name the body
 * they go to and what each is offered to prove, make the package; below, the packages made, to download.
 */
@Controller
@RequestMapping("/packages")
class EvidencePackagePageController {

	private static final Set<String> FIELDS = Set.of("recipientKind", "recipient", "purpose", "caseId", "items");

	private final EvidencePackaging packaging;
	private final CaseManagement cases;
	private final StaffDirectory staff;
	private final BureauTime time;
	private final EvidencePackageController content;

	EvidencePackagePageController(EvidencePackaging packaging, CaseManagement cases, StaffDirectory staff,
			BureauTime time, EvidencePackageController content) {
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
		return show(model, found, caseNumber, created, null, new LinkedMultiValueMap<>(), caller);
	}

	@PostMapping
	@Permissions.MakeEvidencePackages
	String create(@RequestParam MultiValueMap<String, String> form, Authentication caller, Model model) {
		var caseId = blank(form.getFirst("caseId")) ? null : UUID.fromString(form.getFirst("caseId"));
		var theCase = caseId == null ? null : cases.require(new CaseId(caseId));
		try {
			var items = new ArrayList<PackageOrder.Item>();
			var chosen = form.get("items");
			if (chosen != null) {
				for (var value : chosen) {
					var ref = ref(value);
					items.add(new PackageOrder.Item(ref.kind(), ref.id(), form.getFirst("prove." + ref.id()),
							form.getFirst("transcript." + ref.id())));
				}
			}
			var made = packaging.create(new PackageOrder(recipientKind(form.getFirst("recipientKind")),
					form.getFirst("recipient"), form.getFirst("purpose"), caseId, items), caller.getName());
			return "redirect:/packages?created=" + made.id();
		}
		catch (DomainException e) {
			return show(model, theCase, null, null, FormError.of(e, FIELDS), form, caller);
		}
	}

	/** The stored bag, for the legal affairs unit to hand over; logged as the REST download is. */
	@GetMapping("/{id}/download")
	@Permissions.MakeEvidencePackages
	ResponseEntity<Resource> download(@PathVariable UUID id, Authentication caller) {
		return content.content(id, caller);
	}

	private String show(Model model, @Nullable Case theCase, @Nullable String caseNumber, @Nullable UUID created,
			@Nullable FormError error, MultiValueMap<String, String> form, Authentication caller) {
		model.addAttribute("caseNumber", theCase != null ? theCase.caseNumber().value() : caseNumber);
		model.addAttribute("theCase", theCase);
		model.addAttribute("candidates", theCase == null ? java.util.List.of() : packaging.candidates(theCase.id()));
		model.addAttribute("recipientKinds", PackageRecipientKind.values());
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		model.addAttribute("created", created);
		var me = staff.require(caller.getName()).id();
		model.addAttribute("packages", packaging.latest(50).stream().map(p -> row(p, me)).toList());
		return "packages/index";
	}

	private @Nullable Case byNumber(@Nullable String caseNumber) {
		if (blank(caseNumber)) {
			return null;
		}
		var wanted = caseNumber.strip();
		return cases.search(new CaseQuery(wanted, null, null, null, null, null, null, 0, 20)).items().stream()
			.filter(c -> c.caseNumber().value().equals(wanted)).findFirst().orElse(null);
	}

	/** A ticked record, as the page writes it: {@code RECORDING:<id>} or, once documents join, {@code DOCUMENT:<id>}. */
	private static RecordRef ref(String value) {
		var colon = value.indexOf(':');
		try {
			return new RecordRef(RecordRef.Kind.valueOf(value.substring(0, Math.max(colon, 0))),
					UUID.fromString(value.substring(colon + 1)));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInput("items", "无法识别所选记录 (not a record): " + value);
		}
	}

	private static @Nullable PackageRecipientKind recipientKind(@Nullable String value) {
		if (blank(value)) {
			return null;
		}
		try {
			return PackageRecipientKind.valueOf(value);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
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
