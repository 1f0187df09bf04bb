package org.lawtrace.audit.web;

import java.util.Locale;
import java.util.Set;

import org.lawtrace.audit.AuditLog;
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
	private final RecordGate gate;
	private final AuditSentences sentences;
	private final org.lawtrace.recordings.RecordingCatalog recordings;

	CustodyPageController(AuditLog log, RecordGate gate, AuditSentences sentences,
			org.lawtrace.recordings.RecordingCatalog recordings) {
		this.log = log;
		this.gate = gate;
		this.sentences = sentences;
		this.recordings = recordings;
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
		var names = new java.util.HashMap<String, String>();
		if (type.equals("RECORDING")) {
			// visible: the gate let the caller through
			names.put(subjectId, recordings.requireVisible(new org.lawtrace.recordings.RecordingId(
					java.util.UUID.fromString(subjectId)), caller.getName()).originalName());
		}
		var lines = sentences.of(found.items(), names);
		model.addAttribute("subjectType", type);
		model.addAttribute("subjectId", subjectId);
		model.addAttribute("subjectName", sentences.subject(type, subjectId, names));
		model.addAttribute("entries", lines);
		model.addAttribute("total", found.total());
		model.addAttribute("verification", log.verify());
		return "audit/custody";
	}
}
