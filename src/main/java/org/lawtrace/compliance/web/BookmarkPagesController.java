package org.lawtrace.compliance.web;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lawtrace.compliance.Bookmark;
import org.lawtrace.compliance.BookmarkKind;
import org.lawtrace.compliance.CaseCompliance;
import org.lawtrace.recordings.RecordingCatalog;
import org.lawtrace.recordings.RecordingId;
import org.lawtrace.recordings.RecordingKind;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.NotPermitted;
import org.lawtrace.shared.web.FormError;
import org.lawtrace.shared.web.Htmx;
import org.lawtrace.staff.Permission;
import org.lawtrace.staff.Permissions;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The recording page's ART-06.0 panel (开场告知与结束询问): the bookmarks set so far and, for the recording's recorder,
 * uploader or a handler of its case, the form that marks the opening statement or closing question at a time in the
 * recording, or attests it with a reason. The recording page knows nothing of compliance; htmx loads the panel.
 */
@Controller
@RequestMapping("/compliance")
class BookmarkPagesController {

	private static final String PANEL = "compliance/recording :: bookmarks";
	/** The panel, and the marks on the player's seek bar that htmx swaps in beside the player (out of band). */
	private static final String PANEL_AND_MARKS = "compliance/recording :: panelAndMarks";

	private final CaseCompliance compliance;
	private final RecordingCatalog recordings;
	private final StaffDirectory staff;
	private final BureauTime time;

	BookmarkPagesController(CaseCompliance compliance, RecordingCatalog recordings, StaffDirectory staff,
			BureauTime time) {
		this.compliance = compliance;
		this.recordings = recordings;
		this.staff = staff;
		this.time = time;
	}

	@GetMapping("/fragments/recording/{id}")
	@Permissions.ReadRecords
	String panel(@PathVariable UUID id, Authentication caller, HttpServletRequest request, Model model) {
		if (!Htmx.wantsFragment(request)) {
			return "redirect:/recordings/" + id + "#bookmarks";
		}
		return prepare(new RecordingId(id), BookmarkForm.blank(), null, caller, model) ? PANEL_AND_MARKS
				: "compliance/recording :: nothing";
	}

	@PostMapping("/recordings/{id}/bookmarks")
	@Permissions.MarkRecordings
	String mark(@PathVariable UUID id, BookmarkForm form, Authentication caller, HttpServletRequest request,
			Model model) {
		var recordingId = new RecordingId(id);
		try {
			compliance.mark(recordingId, form.chosenKind(), form.offsetSeconds(), form.attestation(),
					Bookmark.Source.OFFICER, caller.getName());
		}
		catch (InvalidInput | NotPermitted e) {
			var field = "offsetSeconds".equals(e.field()) ? "offset" : e.field();
			var error = field != null && BookmarkForm.FIELDS.contains(field) ? new FormError(field, e.getMessage())
					: FormError.of(e, BookmarkForm.FIELDS);
			prepare(recordingId, form.retyped(), error, caller, model);
			return Htmx.wantsFragment(request) ? PANEL_AND_MARKS : page(model);
		}
		if (!Htmx.wantsFragment(request)) {
			return "redirect:/recordings/" + id + "#bookmarks";
		}
		prepare(recordingId, BookmarkForm.blank(), null, caller, model);
		model.addAttribute("marked", true);
		return PANEL_AND_MARKS;
	}

	/** Fills the panel's model; answers false when the caller is not shown bookmarks or they make no sense. */
	private boolean prepare(RecordingId id, BookmarkForm form, @Nullable FormError error, Authentication caller,
			Model model) {
		// ART-20: who set which bookmark when is the recording's metadata; to whoever may not see it, no such recording
		var recording = recordings.requireVisible(id, caller.getName());
		var person = staff.require(caller.getName());
		var reader = Permission.SEE_BOOKMARKS.grantedTo(person); // as the REST route that lists bookmarks
		if (recording.kind() == RecordingKind.PHOTO || !reader) {
			return false;
		}
		var marks = compliance.bookmarks(id, caller.getName());
		model.addAttribute("recordingId", id.id());
		var names = staff.byIds(marks.stream().map(Bookmark::setBy).distinct().toList()).stream()
			.collect(Collectors.toMap(StaffMember::id, StaffMember::name, (a, b) -> a));
		model.addAttribute("bookmarks", marks.stream()
			.map(b -> new BookmarkView(b.kind(), b.offsetMillis() == null ? null : BookmarkForm.format(b.offsetMillis()),
					b.attestation(), b.source(), names.getOrDefault(b.setBy(), "—"), time.local(b.setAt())))
			.toList());
		model.addAttribute("seekMarks", SeekMark.of(marks, recording.facts().duration()));
		model.addAttribute("durationSeconds", recording.facts().duration() == null ? null
				: recording.facts().duration().toMillis() / 1000.0);
		model.addAttribute("mayMark", Permission.MARK_RECORDINGS.grantedTo(person)
				&& compliance.mayMark(id, caller.getName()));
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		return true;
	}

	/** A refused form posted without htmx: the panel alone in the layout, with a way back. */
	private static String page(Model model) {
		model.addAttribute("panel", PANEL);
		model.addAttribute("back", "/recordings/" + model.getAttribute("recordingId"));
		return "compliance/form";
	}

	/** A bookmark as the panel shows it: the time written as the form reads it, and who set it by name. */
	record BookmarkView(BookmarkKind kind, @Nullable String offset, @Nullable String attestation,
			Bookmark.Source source, String setBy, OffsetDateTime setAt) {
	}
}
