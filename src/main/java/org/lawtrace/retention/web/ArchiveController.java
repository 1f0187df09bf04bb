package org.lawtrace.retention.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.retention.ArchiveCheckFailed;
import org.lawtrace.retention.ArchiveFile;
import org.lawtrace.retention.ArchiveReport;
import org.lawtrace.retention.Archiving;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.staff.Permissions;
import org.lawtrace.staff.StaffDirectory;
import org.lawtrace.staff.StaffMember;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Archived case files over REST (ART-13, ART-14, ART-16): the custodian archives a closed case (the director only to
 * override a failed four-property check, with a reason); custodian, director and discipline see the files, their
 * 档号, 保管期限 and reports; the custodian downloads a package, which is logged.
 */
@RestController
@RequestMapping("/api/v1/archives")
class ArchiveController {

	private final Archiving archiving;
	private final StaffDirectory staff;
	private final BureauTime time;

	ArchiveController(Archiving archiving, StaffDirectory staff, BureauTime time) {
		this.archiving = archiving;
		this.staff = staff;
		this.time = time;
	}

	/** What archiving a case asks: the case, and the director's reason to archive despite a failed check. */
	record ArchiveOrder(@Nullable UUID caseId, @Nullable String overrideReason) {
	}

	/** A new package version of an archived file, with the approved correction that made it due. */
	record VersionOrder(@Nullable String reason, @Nullable String overrideReason) {
	}

	/**
	 * Archives a closed case (归档): runs the four-property check, gives the 档号, stores the package. 201 with the
	 * archive; 409 naming {@code status} (case open) or {@code caseId} (archived already); 422 naming each failed
	 * check in {@code errors} unless the director overrides with {@code overrideReason}.
	 */
	@PostMapping
	@Permissions.ArchiveFiles
	ResponseEntity<ArchiveView> archive(@RequestBody ArchiveOrder order, Authentication caller) {
		if (order.caseId() == null) {
			throw new InvalidInput("caseId", "请选择要归档的案件 (caseId is required)");
		}
		var made = archiving.archive(new CaseId(order.caseId()), order.overrideReason(), caller.getName());
		return ResponseEntity.created(URI.create("/api/v1/archives/" + made.id())).body(view(made));
	}

	/** Makes the next package version of an archived file after an approved correction; the old ones stay. */
	@PostMapping("/{id}/versions")
	@Permissions.ArchiveFiles
	ResponseEntity<ArchiveView> newVersion(@PathVariable UUID id, @RequestBody VersionOrder order,
			Authentication caller) {
		var made = archiving.newVersion(id, order.reason(), order.overrideReason(), caller.getName());
		return ResponseEntity.created(URI.create("/api/v1/archives/" + made.id() + "/versions/"
				+ made.current().version())).body(view(made));
	}

	/** The archived files, newest first. */
	@GetMapping
	@Permissions.SeeArchives
	List<ArchiveView> latest(@RequestParam(defaultValue = "100") int limit) {
		return archiving.latest(Math.max(1, Math.min(limit, 500))).stream().map(this::view).toList();
	}

	/** One archived file: 档号, period, its versions with their four-property reports. */
	@GetMapping("/{id}")
	@Permissions.SeeArchives
	ArchiveView one(@PathVariable UUID id) {
		return view(archiving.require(id));
	}

	/**
	 * The package (a BagIt zip) as stored, the newest version unless {@code version} says; logged before it leaves.
	 * 410 naming {@code id} once a disposition destroyed the file's packages (ART-16), saying when and under which
	 * register.
	 */
	@GetMapping("/{id}/content")
	@Permissions.ReadArchives
	ResponseEntity<Resource> content(@PathVariable UUID id, @RequestParam(required = false) Integer version,
			Authentication caller) {
		var download = archiving.download(id, version, caller.getName());
		var v = download.version();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.contentLength(v.digest().sizeBytes())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("archive-" + download.archive().archiveNumber() + "-v" + v.version() + ".zip").build().toString())
			.header("Digest", "sha-256=" + v.digest().sha256())
			.body(new InputStreamResource(download.content()));
	}

	/** ART-14: a failed four-property check is 422, each failed check one of {@code errors}, with the report. */
	@ExceptionHandler
	ProblemDetail on(ArchiveCheckFailed e) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
		problem.setProperty("field", "caseId");
		problem.setProperty("errors", e.report().failures().stream()
			.map(f -> Map.of("field", "report." + f.property().name().toLowerCase(java.util.Locale.ROOT) + "." + f.check(),
					"message", f.detail()))
			.toList());
		problem.setProperty("report", e.report());
		return problem;
	}

	private ArchiveView view(ArchiveFile a) {
		return new ArchiveView(a.id(), a.caseId().id(), a.archiveNumber(), a.category(), a.filePlanVersion(),
				a.period().code(), a.period().chinese(), a.cutOff().name(), a.cutOffDate(), a.dueOn(),
				time.local(a.archivedAt()), name(a.archivedBy()), a.needsNewVersion(),
				a.changedSince() == null ? null : time.local(a.changedSince()), a.changeNote(),
				a.disposed() == null ? null : new DisposedView(time.local(a.disposed().at()),
						a.disposed().dispositionId(), a.disposed().registerNumber()),
				a.versions().stream().map(v -> new VersionView(v.version(), v.digest().sha256(), v.digest().sm3(),
						v.digest().sizeBytes(), v.passed(), v.overrideReason(),
						v.overriddenBy() == null ? null : name(v.overriddenBy()), v.reason(), time.local(v.madeAt()),
						name(v.madeBy()), v.report(), "/api/v1/archives/" + a.id() + "/content?version=" + v.version()))
					.toList());
	}

	private String name(org.lawtrace.shared.StaffId id) {
		return staff.byId(id).map(StaffMember::username).orElse(id.toString());
	}

	record ArchiveView(UUID id, UUID caseId, String archiveNumber, String category, String filePlanVersion,
			String retentionPeriod, String retentionPeriodChinese, String cutOff, LocalDate cutOffDate,
			@Nullable LocalDate dueOn, OffsetDateTime archivedAt, String archivedBy, boolean needsNewVersion,
			@Nullable OffsetDateTime changedSince, @Nullable String changeNote, @Nullable DisposedView disposed,
			List<VersionView> versions) {
	}

	/** ART-16: when the file's packages were destroyed, under which disposition and register (销毁清册). */
	record DisposedView(OffsetDateTime at, UUID disposition, String registerNumber) {
	}

	record VersionView(int version, String sha256, @Nullable String sm3, long sizeBytes, boolean passed,
			@Nullable String overrideReason, @Nullable String overriddenBy, @Nullable String reason,
			OffsetDateTime madeAt, String madeBy, ArchiveReport report, String content) {
	}
}
