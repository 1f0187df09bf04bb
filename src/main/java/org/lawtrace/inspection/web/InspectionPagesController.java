package org.lawtrace.inspection.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.inspection.Conclusion;
import org.lawtrace.inspection.InspectionLedger;
import org.lawtrace.inspection.NewPlan;
import org.lawtrace.inspection.RecordKind;
import org.lawtrace.inspection.Review;
import org.lawtrace.inspection.ReviewInput;
import org.lawtrace.inspection.SampledRecord;
import org.lawtrace.inspection.SpotCheckPlan;
import org.lawtrace.inspection.SpotCheckReviews;
import org.lawtrace.inspection.SpotChecks;
import org.lawtrace.inspection.Verdict;
import org.lawtrace.recordings.RecordingCatalog;
import org.lawtrace.recordings.RecordingId;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.DomainException;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;
import org.lawtrace.shared.web.PageActions;
import org.lawtrace.shared.web.PageText;
import org.lawtrace.staff.Permission;
import org.lawtrace.staff.Permissions;
import org.lawtrace.staff.Role;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.lawtrace.staff.Unit;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The discipline unit's pages (ART-21): its home (plans, reviews due, the queue of signals), a plan with its draw and
 * the director's approval, the review workspace of a sampled record, the inspection ledger (检查台账), the officer's
 * own checks, and the director's overview of pass rates. People and units by name, records by case number and title.
 */
@Controller
class InspectionPagesController {

	private final SpotChecks plans;
	private final SpotCheckReviews reviews;
	private final InspectionLedger ledger;
	private final RecordingCatalog recordings;
	private final CaseManagement cases;
	private final StaffDirectory staff;
	private final BureauTime time;

	InspectionPagesController(SpotChecks plans, SpotCheckReviews reviews, InspectionLedger ledger,
			RecordingCatalog recordings, CaseManagement cases, StaffDirectory staff, BureauTime time) {
		this.plans = plans;
		this.reviews = reviews;
		this.ledger = ledger;
		this.recordings = recordings;
		this.cases = cases;
		this.staff = staff;
		this.time = time;
	}

	/** A plan as a page lists it. */
	record PlanRow(UUID id, String title, LocalDate from, LocalDate to, LocalDate reviewUntil, String status,
			String inspectors, int draws) {
	}

	/** A sampled record as a page lists it: its place, stratum, officer, and (for its inspectors) what it is. */
	record SampleRow(int position, UUID recordId, String kind, String unit, String officer, @Nullable String label,
			@Nullable String conclusion) {
	}

	/** A sampled record waiting for my review. */
	record DueRow(UUID planId, UUID recordId, String plan, String officer, String label) {
	}

	record StratumRow(String unit, String kind, int candidates, int drawn) {
	}

	@GetMapping("/inspection")
	@Permissions.SeeSpotChecks
	String home(Model model, Authentication caller) {
		model.addAttribute("plans", plans.all().stream().map(this::row).toList());
		model.addAttribute("due", Permission.PLAN_SPOT_CHECKS.grantedTo(caller) ? due(caller.getName()) : List.of());
		model.addAttribute("planner", Permission.PLAN_SPOT_CHECKS.grantedTo(caller));
		model.addAttribute("units", staff.units().stream().sorted(Comparator.comparing(Unit::code)).toList());
		model.addAttribute("officers", staff.all().stream().filter(m -> m.holds(Role.OFFICER))
			.sorted(Comparator.comparing(StaffMember::staffNumber)).toList());
		model.addAttribute("inspectors", staff.all().stream().filter(m -> m.holds(Role.DISCIPLINE))
			.sorted(Comparator.comparing(StaffMember::staffNumber)).toList());
		model.addAttribute("checklist", String.join("\n", plans.defaultChecklist()));
		model.addAttribute("today", time.today());
		return "inspection/home";
	}

	@PostMapping("/inspection/plans")
	@Permissions.PlanSpotChecks
	String define(@RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate reviewUntil,
			@RequestParam(name = "kind", required = false) @Nullable List<RecordKind> kinds,
			@RequestParam(required = false) @Nullable Integer sampleSize,
			@RequestParam(required = false) @Nullable Integer samplePercent,
			@RequestParam(name = "unit", required = false) @Nullable List<UUID> units,
			@RequestParam(name = "officer", required = false) @Nullable List<UUID> officers,
			@RequestParam(name = "inspector", required = false) @Nullable List<UUID> inspectors,
			@RequestParam(required = false) @Nullable String checklist, Authentication caller,
			RedirectAttributes redirect) {
		try {
			var items = checklist == null ? List.<String>of() : List.of(checklist.split("\\R"));
			var plan = plans.define(new NewPlan(title, from, to, reviewUntil, kinds, sampleSize, samplePercent, units,
					officers, inspectors, items), caller.getName());
			return "redirect:/inspection/plans/" + plan.id();
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("error", PageText.forPage(e.getMessage()));
			return "redirect:/inspection";
		}
	}

	@GetMapping("/inspection/plans/{id}")
	@Permissions.SeeSpotChecks
	String plan(@PathVariable UUID id, Model model, Authentication caller) {
		var sample = plans.sample(id);
		var plan = sample.plan();
		var me = staff.require(caller.getName()).id();
		var mayReview = plan.status() == SpotCheckPlan.Status.APPROVED && plan.inspectedBy(me);
		var concluded = reviews.ofPlan(id).stream().filter(Review::concluded)
			.collect(Collectors.toMap(Review::recordId, r -> r.conclusion().name()));
		model.addAttribute("plan", row(plan));
		model.addAttribute("status", plan.status().name());
		model.addAttribute("kinds", plan.kinds().stream().sorted().map(Enum::name).toList());
		model.addAttribute("size", plan.sampleSize());
		model.addAttribute("percent", plan.samplePercent());
		model.addAttribute("seed", plan.seed());
		model.addAttribute("scopeUnits", plan.units().stream().map(this::unitName).toList());
		model.addAttribute("scopeOfficers", names(plan.officers()));
		model.addAttribute("checklist", plan.checklist());
		model.addAttribute("strata", sample.strata().stream()
			.map(s -> new StratumRow(unitName(s.unit()), s.kind().name(), s.candidates(), s.drawn())).toList());
		model.addAttribute("sample", sample.records().stream()
			.map(r -> new SampleRow(r.position(), r.recordId(), r.kind().name(), unitName(r.unit()), name(r.officer()),
					mayReview ? ledger.label(r.recordId()) : null, concluded.get(r.recordId())))
			.toList());
		model.addAttribute("mayReview", mayReview);
		model.addAttribute("mayDraw", Permission.PLAN_SPOT_CHECKS.grantedTo(caller)
				&& plan.status() != SpotCheckPlan.Status.APPROVED);
		model.addAttribute("mayApprove", Permission.APPROVE_SPOT_CHECKS.grantedTo(caller)
				&& plan.status() == SpotCheckPlan.Status.DRAWN);
		return "inspection/plan";
	}

	@PostMapping("/inspection/plans/{id}/draw")
	@Permissions.PlanSpotChecks
	String draw(@PathVariable UUID id, @RequestParam(required = false) @Nullable Long seed, Authentication caller,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> plans.draw(id, seed, caller.getName()));
	}

	@PostMapping("/inspection/plans/{id}/approval")
	@Permissions.ApproveSpotChecks
	String approve(@PathVariable UUID id, Authentication caller, RedirectAttributes redirect) {
		return act(id, redirect, () -> plans.approve(id, caller.getName()));
	}

	@GetMapping("/inspection/plans/{id}/records/{recordId}")
	@Permissions.PlanSpotChecks
	String review(@PathVariable UUID id, @PathVariable UUID recordId, Model model, Authentication caller) {
		var workspace = reviews.open(id, recordId, caller.getName());
		var recording = recordings.view(new RecordingId(recordId), caller.getName());
		var review = workspace.review();
		var caseId = recording.current().caseId();
		var linked = caseId == null ? null : cases.require(caseId);
		model.addAttribute("plan", row(workspace.plan()));
		model.addAttribute("recording", recording);
		model.addAttribute("contentOpen", recordings.contentOpenTo(recording, caller.getName()));
		model.addAttribute("label", ledger.label(recordId));
		model.addAttribute("caseTitle", linked == null ? null : linked.title());
		model.addAttribute("stages", caseId == null ? List.of()
				: recording.current().stageIds().stream().map(s -> cases.stage(caseId, s))
					.map(s -> Map.of("kind", s.kind().name(), "at", time.local(s.startedAt()).toLocalDateTime()))
					.toList());
		model.addAttribute("officer", name(workspace.sampled().officer()));
		model.addAttribute("unit", unitName(workspace.sampled().unit()));
		model.addAttribute("recordedAt", time.local(recording.current().startedAt()).toLocalDateTime());
		var items = new ArrayList<Map<String, Object>>();
		for (var i = 0; i < workspace.plan().checklist().size(); i++) {
			var answered = review == null || review.items().size() <= i ? null : review.items().get(i);
			var item = new HashMap<String, Object>();
			item.put("index", i);
			item.put("text", workspace.plan().checklist().get(i));
			item.put("verdict", answered == null ? "" : answered.verdict().name());
			item.put("note", answered == null || answered.note() == null ? "" : answered.note());
			items.add(item);
		}
		model.addAttribute("items", items);
		model.addAttribute("verdicts", List.of(Verdict.values()).stream().map(Enum::name).toList());
		model.addAttribute("conclusions", List.of(Conclusion.values()).stream().map(Enum::name).toList());
		model.addAttribute("concluded", review != null && review.concluded());
		model.addAttribute("conclusion", review == null || review.conclusion() == null ? "" : review.conclusion().name());
		model.addAttribute("reasons", review == null || review.reasons() == null ? "" : review.reasons());
		model.addAttribute("notes", review == null ? List.of() : review.notes().stream()
			.map(n -> Map.of("at", clock(n.atSeconds()), "text", n.text(), "by", name(n.writtenBy()))).toList());
		return "inspection/review";
	}

	@PostMapping("/inspection/plans/{id}/records/{recordId}")
	@Permissions.PlanSpotChecks
	String save(@PathVariable UUID id, @PathVariable UUID recordId, @RequestParam Map<String, String> form,
			Authentication caller, RedirectAttributes redirect) {
		var checklist = plans.require(id).checklist();
		var answers = new ArrayList<ReviewInput.Answer>();
		for (var i = 0; i < checklist.size(); i++) {
			var verdict = form.get("verdict" + i);
			answers.add(new ReviewInput.Answer(verdict == null || verdict.isBlank() ? null : Verdict.valueOf(verdict),
					form.get("note" + i)));
		}
		var conclusion = form.get("conclusion");
		if (PageActions.attempt(redirect, null, () -> reviews.save(id, recordId, new ReviewInput(answers,
				conclusion == null || conclusion.isBlank() ? null : Conclusion.valueOf(conclusion),
				form.get("reasons")), caller.getName()))) {
			redirect.addFlashAttribute("saved", true);
		}
		return "redirect:/inspection/plans/" + id + "/records/" + recordId;
	}

	@PostMapping("/inspection/plans/{id}/records/{recordId}/notes")
	@Permissions.PlanSpotChecks
	String note(@PathVariable UUID id, @PathVariable UUID recordId,
			@RequestParam(required = false) @Nullable Integer atSeconds,
			@RequestParam(required = false) @Nullable String text, Authentication caller,
			RedirectAttributes redirect) {
		PageActions.attempt(redirect, null, () -> reviews.note(id, recordId, atSeconds, text, caller.getName()));
		return "redirect:/inspection/plans/" + id + "/records/" + recordId;
	}

	@GetMapping("/inspection/ledger")
	@Permissions.SeeSpotChecks
	String ledger(@RequestParam(required = false) @Nullable UUID unit,
			@RequestParam(required = false) @Nullable UUID officer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			Model model) {
		var checks = ledger.checks(new InspectionLedger.Filter(unit, officer, from, to));
		model.addAttribute("checks", checks.stream().map(this::checkRow).toList());
		rates(model, checks);
		model.addAttribute("units", staff.units().stream().sorted(Comparator.comparing(Unit::code)).toList());
		model.addAttribute("officers", staff.all().stream().filter(m -> m.holds(Role.OFFICER))
			.sorted(Comparator.comparing(StaffMember::staffNumber)).toList());
		model.addAttribute("unit", unit);
		model.addAttribute("officer", officer);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		var query = new StringBuilder();
		if (unit != null) {
			query.append("&unit=").append(unit);
		}
		if (officer != null) {
			query.append("&officer=").append(officer);
		}
		if (from != null) {
			query.append("&from=").append(from);
		}
		if (to != null) {
			query.append("&to=").append(to);
		}
		model.addAttribute("query", query.isEmpty() ? "" : "?" + query.substring(1));
		return "inspection/ledger";
	}

	@GetMapping("/inspection/overview")
	@Permissions.SeeSpotChecks
	String overview(Model model) {
		var checks = ledger.checks(InspectionLedger.Filter.ALL);
		rates(model, checks);
		model.addAttribute("total", checks.size());
		model.addAttribute("plans", plans.all().stream().map(this::row).toList());
		return "inspection/overview";
	}

	@GetMapping("/inspection/mine")
	@Permissions.SeeOwnChecks
	String mine(Model model, Authentication caller) {
		model.addAttribute("checks", ledger.checksOf(staff.require(caller.getName()).id()).stream().map(this::checkRow)
			.toList());
		return "inspection/mine";
	}

	/** A check as a page shows it: no ids, conclusions and verdicts as message keys. */
	record CheckRow(String plan, String record, String officer, String unit, String inspector, String at,
			List<Map<String, String>> items, String conclusion, String reasons) {
	}

	private CheckRow checkRow(InspectionLedger.Check c) {
		return new CheckRow(c.plan(), c.record(), c.officer(), c.unit(), c.inspector(),
				time.local(c.concludedAt()).toLocalDateTime().toString().replace('T', ' ').substring(0, 16),
				c.items().stream().map(i -> Map.of("text", i.text(), "verdict", i.verdict().name(), "note",
						i.note() == null ? "" : i.note())).toList(),
				c.conclusion().name(), c.reasons() == null ? "" : c.reasons());
	}

	private void rates(Model model, List<InspectionLedger.Check> checks) {
		var byUnit = ledger.byUnit(checks);
		var byOfficer = ledger.byOfficer(checks);
		model.addAttribute("byUnit", byUnit);
		model.addAttribute("byOfficer", byOfficer);
		model.addAttribute("unitChart", chart(byUnit));
		model.addAttribute("officerChart", chart(byOfficer));
	}

	/** Chart data for the page's script, in a data attribute: the pages run no inline script (CSP). */
	static String chart(List<InspectionLedger.Rate> rates) {
		return "{\"labels\":[" + rates.stream().map(r -> org.lawtrace.shared.Text.jsonString(r.name())).collect(Collectors.joining(","))
				+ "],\"percent\":[" + rates.stream().map(r -> String.valueOf(r.percentPassed())).collect(Collectors.joining(","))
				+ "],\"checks\":[" + rates.stream().map(r -> String.valueOf(r.checks())).collect(Collectors.joining(","))
				+ "],\"failed\":[" + rates.stream().map(r -> String.valueOf(r.failed())).collect(Collectors.joining(","))
				+ "]}";
	}

	private List<DueRow> due(String username) {
		var me = staff.require(username).id();
		var rows = new ArrayList<DueRow>();
		for (var plan : plans.approvedFor(username)) {
			if (plan.reviewUntil().isBefore(time.today())) {
				continue;
			}
			var concluded = reviews.ofPlan(plan.id()).stream().filter(Review::concluded).map(Review::recordId)
				.collect(Collectors.toSet());
			for (SampledRecord r : plans.sample(plan.id()).records()) {
				if (!concluded.contains(r.recordId()) && plan.inspectedBy(me)) {
					rows.add(new DueRow(plan.id(), r.recordId(), plan.title(), name(r.officer()),
							ledger.label(r.recordId())));
				}
			}
		}
		return rows;
	}

	private String act(UUID id, RedirectAttributes redirect, Runnable action) {
		PageActions.attempt(redirect, null, action);
		return "redirect:/inspection/plans/" + id;
	}

	private PlanRow row(SpotCheckPlan p) {
		return new PlanRow(p.id(), p.title(), p.from(), p.to(), p.reviewUntil(), p.status().name(),
				String.join("、", names(p.inspectors())), p.draws());
	}

	private List<String> names(List<StaffId> ids) {
		return staff.byIds(ids).stream().map(StaffMember::name).toList();
	}

	private String name(StaffId id) {
		return staff.byId(id).map(StaffMember::name).orElse("");
	}

	private String unitName(UnitId id) {
		return staff.unit(id).map(Unit::name).orElse("");
	}

	private static String clock(int seconds) {
		return String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
	}
}
