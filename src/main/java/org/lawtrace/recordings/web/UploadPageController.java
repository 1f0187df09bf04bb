package org.lawtrace.recordings.web;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.web.Htmx;
import org.lawtrace.staff.Permissions;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The upload page (ART-15.1): files with who recorded them, on which device, for which case and stages, and the
 * times to use where a file carries none. The page's script sends each file as its own streamed upload to
 * {@link UploadPageReceiver} and shows its progress and outcome; a case page links here with its case chosen.
 */
@Controller
class UploadPageController {

	static final String VIEW = "recordings/upload";

	private final Recorders recorders;
	private final CaseChoices choices;
	private final BureauTime time;
	private final HeldDevices devices;

	UploadPageController(Recorders recorders, CaseChoices choices, BureauTime time, HeldDevices devices) {
		this.recorders = recorders;
		this.choices = choices;
		this.time = time;
		this.devices = devices;
	}

	@GetMapping("/recordings/upload")
	@Permissions.MakeRecordings
	String form(@RequestParam(required = false) @Nullable UUID caseId,
			@RequestParam(required = false) @Nullable List<UUID> stageIds, Authentication caller, Model model) {
		var people = recorders.nameableBy(caller.getName());
		model.addAttribute("recorders", people);
		// most files are one's own; a custodian uploading for others picks the recorder
		var recordedBy = people.stream().anyMatch(p -> p.username().equals(caller.getName())) ? caller.getName() : "";
		model.addAttribute("recordedBy", recordedBy);
		fillDevices(recordedBy, caller, model);
		var picker = choices.pick(caseId, null, stageIds);
		model.addAttribute("picker", picker);
		// back to the case page the officer came from
		model.addAttribute("fromCase", picker.chosen());
		model.addAttribute("zone", time.zone());
		return VIEW;
	}

	/**
	 * ART-09, ART-10: the device field for the recorder chosen: the devices they hold now, the one device chosen
	 * when they hold just one (htmx asks again when the custodian picks another recorder).
	 */
	@GetMapping("/recordings/fragments/held-devices")
	@Permissions.MakeRecordings
	String heldDevices(@RequestParam(required = false) @Nullable String recordedBy, Authentication caller,
			HttpServletRequest request, Model model) {
		if (!Htmx.wantsFragment(request)) {
			return "redirect:/recordings/upload";
		}
		var nameable = recordedBy != null
				&& recorders.nameableBy(caller.getName()).stream().anyMatch(p -> p.username().equals(recordedBy));
		fillDevices(nameable ? recordedBy : "", caller, model);
		return VIEW + " :: device";
	}

	private void fillDevices(String recordedBy, Authentication caller, Model model) {
		var held = recordedBy.isEmpty() ? List.<HeldDevices.HeldDevice>of() : devices.of(recordedBy, caller.getName());
		model.addAttribute("heldDevices", held);
		model.addAttribute("deviceChosen", held.size() == 1 ? held.get(0).serialNumber() : "");
	}
}
