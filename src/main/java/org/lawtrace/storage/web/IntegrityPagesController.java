package org.lawtrace.storage.web;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.DomainException;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.lawtrace.storage.FixityReports;
import org.lawtrace.storage.IntegrityAlarms;
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
 * The fixity page (固定性校验) and the alarm inbox on the home page of the custodian, the director and the discipline
 * unit (ART-13, ART-22): alarms in words, people by name, times in the bureau's zone; no record content.
 */
@Controller
class IntegrityPagesController {

	private static final int LISTED = 50;

	private final FixityReports reports;
	private final IntegrityAlarms alarms;
	private final StaffDirectory staff;
	private final BureauTime time;

	IntegrityPagesController(FixityReports reports, IntegrityAlarms alarms, StaffDirectory staff, BureauTime time) {
		this.reports = reports;
		this.alarms = alarms;
		this.staff = staff;
		this.time = time;
	}

	/** The page: this cycle's counts, the last run, the alarms, and the monthly report's download. */
	@GetMapping("/storage/fixity")
	@Permissions.SeeFixity
	String page(Model model) {
		var status = reports.status();
		model.addAttribute("status", status);
		model.addAttribute("lastRunAt", status.lastRun() == null ? null : local(status.lastRun().startedAt()));
		model.addAttribute("oldestCheck", status.oldestCheck() == null ? null : local(status.oldestCheck()));
		model.addAttribute("cycleDays", status.cycle().toDays());
		model.addAttribute("month", java.time.YearMonth.from(time.today()).toString());
		model.addAttribute("alarms", rows(alarms.list(false, LISTED)));
		return "storage/fixity";
	}

	/** The home page's panel: open alarms, if any. */
	@GetMapping("/storage/fragments/alarms")
	@Permissions.SeeFixity
	String panel(Model model) {
		model.addAttribute("alarms", rows(alarms.list(true, LISTED)));
		return "storage/fixity :: alarmPanel";
	}

	/** Acknowledges an alarm from a page, with a note; back to where it was acknowledged. */
	@PostMapping("/storage/alarms/{id}/acknowledgement")
	@Permissions.AcknowledgeAlarms
	String acknowledge(@PathVariable UUID id, @RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable String back, Authentication caller, RedirectAttributes redirect) {
		try {
			alarms.acknowledge(id, note, caller.getName());
			redirect.addFlashAttribute("alarmAcknowledged", true);
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("alarmError", PageText.forPage(e.getMessage()));
		}
		return "home".equals(back) ? "redirect:/#integrity-alarms" : "redirect:/storage/fixity#alarms";
	}

	/** An alarm as a page shows it. */
	record AlarmRow(UUID id, LocalDateTime raisedAt, String kind, String subjectType, String subjectId, String detail,
			boolean open, @Nullable LocalDateTime acknowledgedAt, String acknowledgedByName, @Nullable String note) {

		/** The blob's digest shortened for a table; the full one is in the title. */
		public String shortSubject() {
			return subjectId.length() > 16 ? subjectId.substring(0, 16) + "…" : subjectId;
		}
	}

	private List<AlarmRow> rows(List<IntegrityAlarms.Alarm> list) {
		return list.stream().map(a -> new AlarmRow(a.id(), local(a.raisedAt()), a.kind(), a.subjectType(),
				a.subjectId(), a.detail(), a.open(), a.acknowledgedAt() == null ? null : local(a.acknowledgedAt()),
				a.acknowledgedBy() == null ? "" : staff.byUsername(a.acknowledgedBy()).map(StaffMember::name)
					.orElse(""),
				a.note())).toList();
	}

	private LocalDateTime local(java.time.Instant instant) {
		return time.local(instant).toLocalDateTime().withNano(0);
	}
}
