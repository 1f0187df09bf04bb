package org.lawtrace.audit.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.audit.AuditEntry;
import org.lawtrace.audit.AuditLog;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.recordings.RecordingCatalog;
import org.lawtrace.recordings.RecordingQuery;
import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;
import org.lawtrace.staff.StaffDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
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
	private final AuditSentences sentences;
	private final StaffDirectory staff;
	private final ApplicationEventPublisher events;

	AuditTrailPageController(AuditLog log, CaseManagement cases, RecordingCatalog recordings, AuditSentences sentences,
			StaffDirectory staff, ApplicationEventPublisher events) {
		this.log = log;
		this.cases = cases;
		this.recordings = recordings;
		this.sentences = sentences;
		this.staff = staff;
		this.events = events;
	}

	@GetMapping("/audit/people")
	@Permissions.ReadAuditLog
	String person(@RequestParam(required = false) @Nullable String username, Filter filter, Model model) {
		var name = username == null ? "" : username.strip();
		var found = name.isBlank() ? List.<AuditEntry>of() : log.latestBy(name, SHOWN);
		model.addAttribute("kind", "person");
		model.addAttribute("username", name);
		var everyone = new java.util.LinkedHashMap<String, String>();
		staff.all().forEach(m -> everyone.put(m.username(), sentences.person(m.username(), LocaleContextHolder.getLocale())));
		model.addAttribute("staff", everyone);
		model.addAttribute("subject", name.isBlank() ? "" : sentences.person(name, LocaleContextHolder.getLocale()));
		show(sentences.of(found, Map.of()), filter, model);
		return "audit/trail";
	}

	@GetMapping("/audit/people/{username}")
	@Permissions.ReadAuditLog
	String personByPath(@PathVariable String username, Filter filter, Model model) {
		return person(username, filter, model);
	}

	/**
	 * ART-21, ART-22, issue 15: everything that happened to a case, as sentences: the case and its stages, its
	 * recordings the reader may see (uploads, views, playbacks, corrections, bookmarks), its documents, the access
	 * requests for it and their decisions, and the evidence packages its records went into; narrowed by who, what
	 * kind and from/until.
	 */
	@GetMapping("/audit/cases/{caseId}")
	@Permissions.ReadAuditLog
	String ofCase(@PathVariable UUID caseId, Filter filter, Authentication caller, Model model) {
		var trail = caseTrail(caseId, caller);
		model.addAttribute("kind", "case");
		model.addAttribute("caseId", caseId);
		model.addAttribute("subject", trail.caseNumber());
		show(trail.lines(), filter, model);
		return "audit/trail";
	}

	/** The same trail, narrowed alike, as an Excel workbook; handing it out is itself logged (ART-22). */
	@GetMapping("/audit/cases/{caseId}/trail.xlsx")
	@Permissions.ReadAuditLog
	ResponseEntity<byte[]> caseWorkbook(@PathVariable UUID caseId, Filter filter, Authentication caller) {
		var trail = caseTrail(caseId, caller);
		var lines = filter.apply(trail.lines());
		events.publishEvent(new TrailExported(staff.require(caller.getName()).id(), caseId.toString(), lines.size()));
		var name = "审计记录-" + trail.caseNumber() + ".xlsx";
		return ResponseEntity.ok().contentType(TrailWorkbook.XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-trail.xlsx\"; filename*=UTF-8''"
					+ URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
			.body(TrailWorkbook.of(trail.caseNumber(), lines));
	}

	private record CaseTrail(String caseNumber, List<AuditSentences.Line> lines) {
	}

	private CaseTrail caseTrail(UUID caseId, Authentication caller) {
		var theCase = cases.require(new CaseId(caseId));
		var subjects = new LinkedHashSet<AuditLog.Subject>();
		subjects.add(new AuditLog.Subject("CASE", caseId.toString()));
		var names = new HashMap<String, String>();
		for (var page = 0;; page++) {
			// ART-20: a recording's entries are its metadata, shown only to those who may see it
			var found = recordings.search(new RecordingQuery(theCase.id(), null, null, null, null, page,
					RecordingQuery.MAX_PAGE_SIZE), caller.getName());
			found.items().forEach(r -> {
				subjects.add(new AuditLog.Subject("RECORDING", r.id().id().toString()));
				names.put(r.id().id().toString(), r.originalName());
			});
			if ((long) (page + 1) * RecordingQuery.MAX_PAGE_SIZE >= found.total()) {
				break;
			}
		}
		// the case's documents and the access requests for it name the case in their entries
		subjects.addAll(log.subjectsMentioning("DOCUMENT", caseId.toString()));
		subjects.addAll(log.subjectsMentioning("ACCESS_REQUEST", caseId.toString()));
		var entries = log.about(subjects, SHOWN);
		// the evidence packages its records went into: each record's EXPORT entry names its package
		var packages = new LinkedHashSet<AuditLog.Subject>();
		entries.stream().filter(e -> e.action().equals("EXPORT"))
			.map(e -> AuditSentences.facts(e.detail()).get("package")).filter(java.util.Objects::nonNull)
			.forEach(id -> packages.add(new AuditLog.Subject("PACKAGE", id)));
		if (!packages.isEmpty()) {
			subjects.addAll(packages);
			entries = log.about(subjects, SHOWN);
		}
		return new CaseTrail(theCase.caseNumber().value(), sentences.of(entries, names));
	}

	private void show(List<AuditSentences.Line> all, Filter filter, Model model) {
		var shown = filter.apply(all);
		var people = new java.util.LinkedHashMap<String, String>();
		all.forEach(l -> people.putIfAbsent(l.actor(), l.who()));
		model.addAttribute("entries", shown);
		model.addAttribute("total", all.size());
		model.addAttribute("people", people);
		model.addAttribute("categories", AuditSentences.CATEGORIES);
		model.addAttribute("filter", filter);
	}

	/** What a trail is narrowed to: one person, one kind of event, a span of days (the bureau's). */
	record Filter(@Nullable String who, @Nullable String what,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate until) {

		List<AuditSentences.Line> apply(List<AuditSentences.Line> lines) {
			return lines.stream().filter(l -> who == null || who.isBlank() || l.actor().equals(who))
				.filter(l -> what == null || what.isBlank() || l.category().equals(what))
				.filter(l -> from == null || !l.at().toLocalDate().isBefore(from))
				.filter(l -> until == null || !l.at().toLocalDate().isAfter(until)).toList();
		}
	}

	/** Someone took a case's audit trail away as a workbook: logged at once, like any hand-out (ART-22). */
	record TrailExported(StaffId by, String caseId, int rows) implements Audited.Logged, Audited.AtOnce {

		@Override
		public Entry entry() {
			return new Entry(by, "AUDIT_TRAIL_EXPORTED", "CASE", caseId, "rows=" + rows);
		}
	}
}
