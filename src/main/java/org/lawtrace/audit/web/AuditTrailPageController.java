package org.lawtrace.audit.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.audit.AuditEntry;
import org.lawtrace.audit.AuditLog;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.recordings.RecordingCatalog;
import org.lawtrace.recordings.RecordingQuery;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.staff.Permissions;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log seen per person (everything one account did) and per case (the case and all its recordings), for
 * the discipline unit and the others who answer for the log (ART-21, ART-22); the per-record view is the custody page.
 */
@Controller
class AuditTrailPageController {

	/** A trail rarely runs past a few hundred entries; the API pages through any more. */
	private static final int SHOWN = 500;

	private final AuditLog log;
	private final CaseManagement cases;
	private final RecordingCatalog recordings;
	private final BureauTime time;

	AuditTrailPageController(AuditLog log, CaseManagement cases, RecordingCatalog recordings, BureauTime time) {
		this.log = log;
		this.cases = cases;
		this.recordings = recordings;
		this.time = time;
	}

	@GetMapping("/audit/people")
	@Permissions.ReadAuditLog
	String person(@RequestParam(required = false) @Nullable String username, Model model) {
		var found = username == null || username.isBlank() ? List.<AuditEntry>of() : log.latestBy(username.strip(), SHOWN);
		model.addAttribute("kind", "person");
		model.addAttribute("username", username == null ? "" : username.strip());
		model.addAttribute("subject", username == null ? "" : username.strip());
		model.addAttribute("entries", views(found));
		model.addAttribute("total", found.size());
		return "audit/trail";
	}

	@GetMapping("/audit/people/{username}")
	@Permissions.ReadAuditLog
	String personByPath(@PathVariable String username, Model model) {
		return person(username, model);
	}

	@GetMapping("/audit/cases/{caseId}")
	@Permissions.ReadAuditLog
	String ofCase(@PathVariable UUID caseId, Authentication caller, Model model) {
		var theCase = cases.require(new CaseId(caseId));
		var subjects = new ArrayList<AuditLog.Subject>();
		subjects.add(new AuditLog.Subject("CASE", caseId.toString()));
		for (var page = 0;; page++) {
			// ART-20: a recording's entries are its metadata, shown only to those who may see it
			var found = recordings.search(new RecordingQuery(theCase.id(), null, null, null, null, page,
					RecordingQuery.MAX_PAGE_SIZE), caller.getName());
			found.items().forEach(r -> subjects.add(new AuditLog.Subject("RECORDING", r.id().id().toString())));
			if ((long) (page + 1) * RecordingQuery.MAX_PAGE_SIZE >= found.total()) {
				break;
			}
		}
		var entries = log.about(subjects, SHOWN);
		model.addAttribute("kind", "case");
		model.addAttribute("subject", theCase.caseNumber().value());
		model.addAttribute("entries", views(entries));
		model.addAttribute("total", entries.size());
		return "audit/trail";
	}

	private List<AuditController.EntryView> views(List<AuditEntry> entries) {
		return entries.stream().map(e -> new AuditController.EntryView(e.seq(), time.local(e.at()), e.actor(),
				e.action(), e.subjectType(), e.subjectId(), e.outcome(), e.detail(), e.leafHash())).toList();
	}
}
