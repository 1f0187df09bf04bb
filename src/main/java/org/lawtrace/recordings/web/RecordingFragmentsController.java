package org.lawtrace.recordings.web;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.recordings.RecordingCatalog;
import org.lawtrace.recordings.RecordingCorrections;
import org.lawtrace.recordings.RecordingDerivatives;
import org.lawtrace.recordings.RecordingId;
import org.lawtrace.recordings.RecordingIngest;
import org.lawtrace.recordings.RecordingQuery;
import org.lawtrace.recordings.web.CaseChoices.StageOption;
import org.lawtrace.recordings.web.RecordingViews.RecordingView;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.web.Htmx;
import org.lawtrace.staff.Permission;
import org.lawtrace.staff.Permissions;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Parts of pages that htmx loads. The case page's 音像记录 section comes from here, so that {@code cases} needs
 * no knowledge of recordings (which already depend on cases; the module rules forbid the cycle). The case picker
 * of the upload and correction forms comes from here as the user types a case number.
 */
@Controller
@RequestMapping("/recordings/fragments")
class RecordingFragmentsController {

	static final String CASE_SECTION = "recordings/case :: recordings";
	static final String CASE_PICKER = "recordings/parts :: casePicker";
	static final String CASE_TIMELINE = "recordings/timeline :: timeline";

	private final RecordingCatalog catalog;
	private final RecordingViews views;
	private final CaseChoices choices;

	private final RecordingCorrections corrections;
	private final CorrectionViews correctionViews;
	private final RecordingIngest ingest;
	private final CaseTimeline timeline;
	private final RecordingDerivatives derivatives;

	RecordingFragmentsController(RecordingCatalog catalog, RecordingViews views, CaseChoices choices,
			RecordingCorrections corrections, CorrectionViews correctionViews, RecordingIngest ingest,
			CaseTimeline timeline, RecordingDerivatives derivatives) {
		this.ingest = ingest;
		this.timeline = timeline;
		this.derivatives = derivatives;
		this.corrections = corrections;
		this.correctionViews = correctionViews;
		this.catalog = catalog;
		this.views = views;
		this.choices = choices;
	}

	/** A case's recordings, with players, under the stage each records; those linked to the case alone last. */
	@GetMapping("/case/{caseId}")
	@Permissions.ReadRecords
	String ofCase(@PathVariable UUID caseId, Authentication caller, HttpServletRequest request, Model model) {
		if (!Htmx.wantsFragment(request)) {
			// someone who followed the address by hand gets the page the section belongs to
			return "redirect:/cases/" + caseId + "#recordings";
		}
		var id = new CaseId(caseId);
		var stages = choices.stages(id);
		// ART-20: the recordings the caller may see; of the others, only how many there are
		var found = catalog.search(new RecordingQuery(id, null, null, null, null, 0, RecordingQuery.MAX_PAGE_SIZE),
				caller.getName());
		var all = catalog.countOfCase(id);
		var open = catalog.contentOpenAmong(found.items(), caller.getName()).stream().map(RecordingId::id).toList();
		var recordings = views.of(found.items()).stream()
			.sorted(Comparator.comparing(RecordingView::startedAt))
			.toList();
		// issue 15: a stage whose recordings are all hidden from the caller says they exist, not that there are none
		var byStage = catalog.countOfCaseByStage(id);
		var groups = stages.stream()
			.map(s -> {
				var seen = recordings.stream().filter(r -> r.stageIds().contains(s.id())).toList();
				return new StageGroup(s, seen, Math.max(0, byStage.getOrDefault(s.id(), 0L) - seen.size()));
			})
			.filter(g -> !g.recordings().isEmpty() || g.hidden() > 0 || g.stage().avMandatory())
			.toList();
		var known = stages.stream().map(StageOption::id).toList();
		model.addAttribute("caseId", caseId);
		model.addAttribute("caseNumber", choices.option(id).caseNumber());
		model.addAttribute("groups", groups);
		model.addAttribute("unstaged",
				recordings.stream().filter(r -> r.stageIds().stream().noneMatch(known::contains)).toList());
		model.addAttribute("open", open);
		model.addAttribute("posters", Posters.ids(derivatives.postersOpenAmong(found.items(), caller.getName())));
		model.addAttribute("total", found.total());
		model.addAttribute("hidden", all - found.total());
		model.addAttribute("shown", recordings.size());
		// ADR 0026: 上传 only for those the ingest would take it from, into an open case
		model.addAttribute("mayUpload", ingest.mayUploadInto(id, caller.getName()));
		model.addAttribute("mayAsk", Permission.REQUEST_ACCESS.grantedTo(caller));
		// ART-14, issue 11: corrections that took records out of this case or brought them in, shown with the case
		model.addAttribute("corrections", correctionViews.of(corrections.ofCase(id, caller.getName())));
		return CASE_SECTION;
	}

	/**
	 * The case timeline beside the case page's stages (ART-06 at a glance): each stage's recordings as coverage on a
	 * time axis and, where the stage must be recorded throughout, the gaps. Recordings the caller may not see
	 * (ART-20) show only as coverage that needs approval.
	 */
	@GetMapping("/case/{caseId}/timeline")
	@Permissions.ReadRecords
	String timeline(@PathVariable UUID caseId, Authentication caller, HttpServletRequest request, Model model) {
		if (!Htmx.wantsFragment(request)) {
			return "redirect:/cases/" + caseId + "#av-timeline";
		}
		var rows = timeline.of(new CaseId(caseId), caller.getName());
		model.addAttribute("caseId", caseId);
		model.addAttribute("rows", rows);
		model.addAttribute("anyHidden", rows.stream()
			.anyMatch(r -> !r.coverage().hidden().isEmpty() || r.coverage().hiddenPhotos() > 0));
		return CASE_TIMELINE;
	}

	/** The case picker: the case whose number was typed (or chosen) with its stages, or the cases to choose from. */
	@GetMapping("/case-picker")
	@Permissions.ReadRecords
	String casePicker(@RequestParam(required = false) @Nullable String caseNumber,
			@RequestParam(required = false) @Nullable UUID caseId,
			@RequestParam(required = false) @Nullable List<UUID> stageIds, Model model) {
		model.addAttribute("picker", choices.pick(caseId, caseNumber, stageIds));
		return CASE_PICKER;
	}

	/** A stage with the recordings of it; a stage that must be filmed (ART-06) shows even while it has none. */
	record StageGroup(StageOption stage, List<RecordingView> recordings, long hidden) {
	}
}
