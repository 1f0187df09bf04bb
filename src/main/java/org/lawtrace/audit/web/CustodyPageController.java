package org.lawtrace.audit.web;

import java.util.Locale;
import java.util.Set;

import org.lawtrace.audit.AuditLog;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.staff.Permissions;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A record's chain of custody (保管链) as a page: every audit entry about it, oldest first, with whether the whole
 * log verifies, for those who answer for the log.
 */
@Controller
class CustodyPageController {

	private static final Set<String> SUBJECTS = Set.of("RECORDING", "CASE");
	/** A record's entries rarely run past a few hundred; the API pages through any more. */
	private static final int SHOWN = 500;

	private final AuditLog log;
	private final BureauTime time;
	private final RecordGate gate;

	CustodyPageController(AuditLog log, BureauTime time, RecordGate gate) {
		this.log = log;
		this.time = time;
		this.gate = gate;
	}

	@GetMapping("/audit/custody/{subjectType}/{subjectId}")
	@Permissions.ReadAuditLog
	String custody(@PathVariable String subjectType, @PathVariable String subjectId, Authentication caller,
			Model model) {
		var type = subjectType.toUpperCase(Locale.ROOT);
		if (!SUBJECTS.contains(type)) {
			throw new InvalidInput("subjectType", "只能查看音像记录或案件的保管链 (RECORDING or CASE only)");
		}
		gate.requireVisible(type, subjectId, caller);
		var found = log.entries(type, subjectId, null, 0, SHOWN);
		model.addAttribute("subjectType", type);
		model.addAttribute("subjectId", subjectId);
		model.addAttribute("entries", found.items().stream()
			.map(e -> new AuditController.EntryView(e.seq(), time.local(e.at()), e.actor(), e.action(),
					e.subjectType(), e.subjectId(), e.outcome(), e.detail(), e.leafHash()))
			.toList());
		model.addAttribute("total", found.total());
		model.addAttribute("verification", log.verify());
		return "audit/custody";
	}
}
