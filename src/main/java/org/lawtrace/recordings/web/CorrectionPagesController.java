package org.lawtrace.recordings.web;

import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lawtrace.recordings.CorrectionRequestId;
import org.lawtrace.recordings.RecordingCorrections;
import org.lawtrace.shared.DomainException;
import org.lawtrace.staff.Permissions;
import org.lawtrace.shared.web.PageText;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages' side of corrections (issue 11): the leaders' list of corrections waiting for them, loaded into the home
 * page, and their decisions from it or from a recording's page.
 */
@Controller
class CorrectionPagesController {

	private final RecordingCorrections corrections;
	private final CorrectionViews views;

	CorrectionPagesController(RecordingCorrections corrections, CorrectionViews views) {
		this.corrections = corrections;
		this.views = views;
	}

	@GetMapping("/recordings/fragments/corrections-to-decide")
	@Permissions.DecideRequests
	String toDecide(Authentication caller, Model model) {
		var pending = corrections.toDecide(caller.getName());
		model.addAttribute("corrections", views.of(pending));
		model.addAttribute("deciding", pending.stream().map(c -> c.id().id()).collect(Collectors.toSet()));
		return "recordings/corrections :: toDecide";
	}

	/** Approves ({@code approve=true}) or rejects a correction; back to the recording's page or to the home page. */
	@PostMapping("/recordings/corrections/{id}/decision")
	@Permissions.DecideRequests
	String decide(@PathVariable UUID id, @RequestParam boolean approve, @RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable String back, Authentication caller, RedirectAttributes redirect) {
		var correctionId = new CorrectionRequestId(id);
		var recording = corrections.visibleTo(correctionId, caller.getName()).recordingId();
		try {
			if (approve) {
				corrections.approve(correctionId, reason, caller.getName());
			}
			else {
				corrections.reject(correctionId, reason, caller.getName());
			}
			redirect.addFlashAttribute("correctionDecided", true);
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("correctionError", PageText.forPage(e.getMessage()));
		}
		return "recording".equals(back) ? "redirect:/recordings/" + recording + "#corrections" : "redirect:/";
	}
}
