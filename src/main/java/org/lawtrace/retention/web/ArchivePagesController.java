package org.lawtrace.retention.web;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.retention.ArchiveCheckFailed;
import org.lawtrace.retention.ArchiveFile;
import org.lawtrace.retention.ArchiveReport;
import org.lawtrace.retention.ArchiveVersion;
import org.lawtrace.retention.Archiving;
import org.lawtrace.retention.FilePlan;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.DomainException;
import org.lawtrace.staff.Permissions;
import org.lawtrace.staff.StaffDirectory;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The custodian's archive pages (ART-13, ART-14, ART-16): the queue of closed cases waiting to be archived with the
 * days since closing, the archived files with 档号 and 保管期限, and an archive's page with its versions and
 * four-property reports; the director and the discipline unit see the files and reports.
 */
@Controller
@RequestMapping("/archives")
class ArchivePagesController {

	private final Archiving archiving;
	private final CaseManagement cases;
	private final FilePlan plan;
	private final StaffDirectory staff;
	private final BureauTime time;
	private final ArchiveController api;

	ArchivePagesController(Archiving archiving, CaseManagement cases, FilePlan plan, StaffDirectory staff,
			BureauTime time, ArchiveController api) {
		this.archiving = archiving;
		this.cases = cases;
		this.plan = plan;
		this.staff = staff;
		this.time = time;
		this.api = api;
	}

	/** A row of the archived files: the file, its case's number and title, and who archived it (by username). */
	record Row(ArchiveFile archive, String caseNumber, String title, String category, String archivedBy,
			java.time.OffsetDateTime archivedAt) {
	}

	/** A package version as the page shows it: times in bureau time, people by username for {@code staffNames}. */
	record VersionRow(ArchiveVersion version, java.time.OffsetDateTime madeAt, String madeBy,
			@Nullable String overriddenBy) {
	}

	private String username(org.lawtrace.shared.StaffId id) {
		return staff.byId(id).map(m -> m.username()).orElse("");
	}

	@GetMapping
	@Permissions.SeeArchives
	String list(Model model) {
		model.addAttribute("rows", archiving.latest(500).stream().map(this::row).toList());
		model.addAttribute("plan", plan);
		return "archives/list";
	}

	@GetMapping("/queue")
	@Permissions.ArchiveFiles
	String queue(Authentication caller, Model model) {
		model.addAttribute("waiting", archiving.queue());
		model.addAttribute("director", staff.require(caller.getName()).holds(org.lawtrace.staff.Role.DIRECTOR));
		model.addAttribute("plan", plan);
		return "archives/queue";
	}

	/** The custodian archives a case from the queue; a failed check is shown on the queue with its reasons. */
	@PostMapping("/queue/{caseId}")
	@Permissions.ArchiveFiles
	String archive(@PathVariable UUID caseId, @RequestParam(required = false) @Nullable String overrideReason,
			Authentication caller, Model model) {
		try {
			var made = archiving.archive(new CaseId(caseId), overrideReason, caller.getName());
			return "redirect:/archives/" + made.id();
		}
		catch (ArchiveCheckFailed e) {
			model.addAttribute("refusedCase", cases.require(new CaseId(caseId)));
			model.addAttribute("refusedReport", e.report());
		}
		catch (DomainException e) {
			model.addAttribute("refusedCase", cases.require(new CaseId(caseId)));
			model.addAttribute("refusal", e.getMessage());
		}
		return queue(caller, model);
	}

	@GetMapping("/{id}")
	@Permissions.SeeArchives
	String show(@PathVariable UUID id, Model model) {
		var archive = archiving.require(id);
		model.addAttribute("row", row(archive));
		model.addAttribute("archive", archive);
		model.addAttribute("disposedAt", archive.disposed() == null ? null : time.local(archive.disposed().at()));
		model.addAttribute("properties", ArchiveReport.Property.values());
		model.addAttribute("versions", archive.versions().stream().map(v -> new VersionRow(v, time.local(v.madeAt()),
				username(v.madeBy()), v.overriddenBy() == null ? null : username(v.overriddenBy()))).toList());
		return "archives/show";
	}

	/** The custodian makes the next package version after an approved correction. */
	@PostMapping("/{id}/versions")
	@Permissions.ArchiveFiles
	String newVersion(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable String overrideReason, Authentication caller, Model model) {
		try {
			archiving.newVersion(id, reason, overrideReason, caller.getName());
			return "redirect:/archives/" + id;
		}
		catch (ArchiveCheckFailed e) {
			model.addAttribute("refusedReport", e.report());
		}
		catch (DomainException e) {
			model.addAttribute("refusal", e.getMessage());
		}
		return show(id, model);
	}

	@GetMapping("/{id}/download")
	@Permissions.ReadArchives
	ResponseEntity<Resource> download(@PathVariable UUID id, @RequestParam(required = false) Integer version,
			Authentication caller) {
		return api.content(id, version, caller);
	}

	private Row row(ArchiveFile a) {
		var c = cases.require(a.caseId());
		return new Row(a, c.caseNumber().value(), c.title(), plan.categoryName(a.category()),
				staff.byId(a.archivedBy()).map(m -> m.username()).orElse(""), time.local(a.archivedAt()));
	}
}
