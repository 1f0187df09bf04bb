package org.lawtrace.recordings.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.recordings.Recording;
import org.lawtrace.recordings.RecordingCatalog;
import org.lawtrace.recordings.RecordingCorrections;
import org.lawtrace.recordings.RecordingDerivatives;
import org.lawtrace.recordings.RecordingId;
import org.lawtrace.recordings.web.CaseChoices.CaseOption;
import org.lawtrace.recordings.web.CaseChoices.StageOption;
import org.lawtrace.recordings.web.RecordingViews.RevisionView;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.NotPermitted;
import org.lawtrace.shared.web.FormError;
import org.lawtrace.staff.Permission;
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
 * A recording's page: the player (for those its content is open to), what the file says about itself, its labels
 * (ART-15.2), every version of what it records (版本), and the form that links it to a case and stages or corrects
 * it with a reason (ART-06). The player plays from {@code content} here, with the page's session, since the API
 * takes no cookies.
 */
@Controller
@RequestMapping("/recordings/{id}")
class RecordingDetailController {

	static final String VIEW = "recordings/show";

	private final RecordingCatalog catalog;
	private final RecordingViews views;
	private final RecordingContent content;
	private final CaseChoices choices;
	private final Recorders recorders;
	private final BureauTime time;
	private final RecordingCorrections corrections;
	private final CorrectionViews correctionViews;
	private final String sessionCookie;
	private final RecordingDerivatives derivatives;

	RecordingDetailController(RecordingCatalog catalog, RecordingViews views, RecordingContent content,
			CaseChoices choices, Recorders recorders, BureauTime time, RecordingCorrections corrections,
			CorrectionViews correctionViews, RecordingDerivatives derivatives,
			@org.springframework.beans.factory.annotation.Value("${server.servlet.session.cookie.name:JSESSIONID}") String sessionCookie) {
		this.sessionCookie = sessionCookie;
		this.derivatives = derivatives;
		this.corrections = corrections;
		this.correctionViews = correctionViews;
		this.catalog = catalog;
		this.views = views;
		this.content = content;
		this.choices = choices;
		this.recorders = recorders;
		this.time = time;
	}

	@GetMapping
	@Permissions.ReadRecords
	String show(@PathVariable UUID id, Authentication caller, Model model) {
		// ART-22: the page's view of the record is logged as the API's is
		var recording = catalog.view(new RecordingId(id), caller.getName());
		var view = views.of(recording);
		prepare(recording, RevisionForm.of(view, view.labels() == null ? null : view.labels().caseNumber()), null,
				caller, model);
		return VIEW;
	}

	/** The original for the page's player, with HTTP Range, to the same people as the API's content route. */
	@GetMapping("/content")
	@Permissions.ReadRecords
	void content(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response,
			Authentication caller) throws IOException {
		content.servePage(new RecordingId(id), caller.getName(), request, response, sessionCookie);
	}

	/**
	 * The poster frame the lists and players show before playback, to the same people as the API's poster route: a
	 * frame shows what the video shows, so only to whom its content is open (ART-20).
	 */
	@GetMapping("/poster")
	@Permissions.ReadRecords
	void poster(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response,
			Authentication caller) throws IOException {
		content.serveDerivative(new RecordingId(id), org.lawtrace.recordings.DerivativeKind.POSTER, caller.getName(),
				request, response);
	}

	@PostMapping("/revisions")
	@Permissions.MakeRecordings
	String revise(@PathVariable UUID id, RevisionForm form, Authentication caller, Model model,
			RedirectAttributes redirect) {
		var recordingId = new RecordingId(id);
		try {
			var revised = catalog.revise(recordingId, form.toCorrection(time.zone()), caller.getName());
			redirect.addFlashAttribute("revised", revised.current().version());
			return "redirect:/recordings/" + id + "#history";
		}
		catch (InvalidInput | Conflict | NotPermitted e) {
			prepare(catalog.requireVisible(recordingId, caller.getName()), form, FormError.of(e, RevisionForm.FIELDS), caller, model);
			return VIEW;
		}
	}

	/**
	 * Issue 11: asks for a correction of the recorder, the times or the case link with the form's values; a case
	 * chosen that is the current one, and a recorder who is the current one, are no change.
	 */
	@PostMapping("/corrections")
	@Permissions.MakeRecordings
	String requestCorrection(@PathVariable UUID id, RevisionForm form, Authentication caller, Model model,
			RedirectAttributes redirect) {
		var recordingId = new RecordingId(id);
		var recording = catalog.requireVisible(recordingId, caller.getName());
		try {
			corrections.request(recordingId, form.toCorrectionRequest(time.zone(), recording.current().caseId()),
					caller.getName());
			redirect.addFlashAttribute("correctionRequested", true);
			return "redirect:/recordings/" + id + "#corrections";
		}
		catch (InvalidInput | Conflict | NotPermitted e) {
			prepare(recording, form, FormError.of(e, RevisionForm.FIELDS), caller, model);
			return VIEW;
		}
	}

	/** One version in the history, with the case and stages it pointed at named rather than numbered. */
	record HistoryEntry(RevisionView revision, @Nullable CaseOption linkedCase, List<StageOption> stages) {
	}

	private void prepare(Recording recording, RevisionForm form, @Nullable FormError error, Authentication caller,
			Model model) {
		var view = views.of(recording);
		var cases = new HashMap<UUID, @Nullable CaseOption>();
		var stages = new HashMap<UUID, Map<UUID, StageOption>>();
		var history = views.revisions(catalog.history(recording.id()), corrections.approvals(recording.id())).stream()
			.map(v -> entry(v, cases, stages))
			.toList();
		var current = history.get(history.size() - 1);
		model.addAttribute("recording", view);
		model.addAttribute("contentOpen", catalog.contentOpenTo(recording, caller.getName()));
		model.addAttribute("posters", Posters.ids(derivatives.postersOpenAmong(List.of(recording), caller.getName())));
		model.addAttribute("stages", current.stages());
		model.addAttribute("history", history);
		// ADR 0026: the forms the catalogue and the corrections would not refuse
		model.addAttribute("mayRevise", catalog.mayRevise(recording, caller.getName()));
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		model.addAttribute("picker", choices.pick(form.caseId(), form.caseNumber(), form.stageIds()));
		model.addAttribute("recorders", recorders.all());
		model.addAttribute("zone", time.zone());
		// issue 11: the record's corrections, and the forms to decide those the caller may decide
		var asked = corrections.ofRecording(recording.id(), caller.getName());
		model.addAttribute("corrections", correctionViews.of(asked));
		model.addAttribute("deciding", asked.stream()
			.filter(c -> corrections.mayDecide(c, caller.getName()))
			.map(c -> c.id().id())
			.collect(java.util.stream.Collectors.toSet()));
		model.addAttribute("mayCorrect", Permission.MAKE_RECORDINGS.grantedTo(caller) && corrections.mayRequest(recording,
				caller.getName()));
	}

	private HistoryEntry entry(RevisionView revision, Map<UUID, @Nullable CaseOption> cases,
			Map<UUID, Map<UUID, StageOption>> stages) {
		var caseId = revision.caseId();
		if (caseId == null) {
			return new HistoryEntry(revision, null, List.of());
		}
		var linked = cases.computeIfAbsent(caseId, c -> choices.option(new CaseId(c)));
		var ofCase = stages.computeIfAbsent(caseId, c -> choices.stagesById(new CaseId(c)));
		var named = revision.stageIds().stream().map(ofCase::get).filter(Objects::nonNull).toList();
		return new HistoryEntry(revision, linked, named);
	}
}
