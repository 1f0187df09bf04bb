package org.lawtrace.compliance.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.compliance.Bookmark;
import org.lawtrace.compliance.BookmarkKind;
import org.lawtrace.compliance.CaseCompliance;
import org.lawtrace.compliance.Checklist;
import org.lawtrace.compliance.ComplianceEvaluation;
import org.lawtrace.compliance.Exemption;
import org.lawtrace.compliance.Finding;
import org.lawtrace.compliance.Light;
import org.lawtrace.compliance.Rule;
import org.lawtrace.compliance.RulePackRefresh;
import org.lawtrace.compliance.RulePackRefused;
import org.lawtrace.compliance.RulePackVersions;
import org.lawtrace.compliance.RulePacks;
import org.lawtrace.compliance.Severity;
import org.lawtrace.recordings.RecordingId;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StageId;
import org.lawtrace.shared.Unprocessable;
import org.lawtrace.staff.Permissions;
import org.lawtrace.staff.StaffDirectory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Completeness checks over REST: a case's checklist per stage (green/amber/red), re-evaluation on demand, the rule
 * pack in force and its reload, ART-06.0 bookmarks and stage exemptions. Checklists are for the case's handlers
 * and for oversight (leaders, discipline, legal affairs); the administrator runs evaluations and reloads packs but
 * reads no case's findings.
 */
@RestController
@RequestMapping("/api/v1")
class ComplianceController {

	private final CaseCompliance compliance;
	private final ComplianceEvaluation evaluation;
	private final RulePacks packs;
	private final RulePackVersions versions;
	private final RulePackRefresh refresh;
	private final StaffDirectory staff;
	private final BureauTime time;

	ComplianceController(CaseCompliance compliance, ComplianceEvaluation evaluation, RulePacks packs,
			RulePackVersions versions, RulePackRefresh refresh, StaffDirectory staff, BureauTime time) {
		this.compliance = compliance;
		this.evaluation = evaluation;
		this.packs = packs;
		this.versions = versions;
		this.refresh = refresh;
		this.staff = staff;
		this.time = time;
	}

	/**
	 * A case's completeness checklist (ART-03, ART-06): stage by stage, the open and resolved findings with their
	 * articles and deadlines, and the case's light.
	 */
	@GetMapping("/cases/{id}/compliance")
	@Permissions.SeeCompliance
	ChecklistView checklist(@PathVariable UUID id, Authentication caller) {
		return ChecklistView.of(compliance.checklist(new CaseId(id), caller.getName()), time);
	}

	/** Re-judges every case, or one with {@code caseId}; answers what the run did. */
	@PostMapping("/compliance/evaluations")
	@Permissions.EvaluateCompliance
	ComplianceEvaluation.Run evaluate(@RequestParam(required = false) @Nullable UUID caseId) {
		return caseId == null ? evaluation.evaluateAll() : evaluation.evaluate(new CaseId(caseId));
	}

	/**
	 * Findings closed because their own recorder corrected the recording's times or recorder (Chapter 8), the latest
	 * first, for the director and the discipline unit to review.
	 */
	@GetMapping("/compliance/self-cleared-findings")
	@Permissions.ReviewSelfClearedFindings
	List<SelfClearedView> selfCleared(@RequestParam(defaultValue = "200") int limit) {
		return compliance.selfClearedFindings(Math.max(1, Math.min(limit, 1000))).stream()
			.map(s -> new SelfClearedView(s.finding().id(), s.finding().caseId().id(), s.caseNumber(),
					s.finding().ruleId(), s.finding().article(), s.finding().detail(),
					staff.byId(s.recorder()).map(org.lawtrace.staff.StaffMember::username).orElse(null),
					staff.byId(s.recorder()).map(org.lawtrace.staff.StaffMember::name).orElse(null),
					time.local(s.finding().foundAt()),
					s.finding().resolvedAt() == null ? null : time.local(s.finding().resolvedAt())))
			.toList();
	}

	record SelfClearedView(UUID findingId, UUID caseId, String caseNumber, String ruleId, String article,
			String detail, @Nullable String recorder, @Nullable String recorderName, OffsetDateTime foundAt,
			@Nullable OffsetDateTime resolvedAt) {
	}

	/** Every rule pack version ever in force, the newest first: digest, version, source, when and by whom. */
	@GetMapping("/compliance/rule-pack/versions")
	@Permissions.SeeRules
	List<PackVersionView> rulePackVersions() {
		return versions.all().stream().map(v -> new PackVersionView(v.digest(), v.version(), v.source(),
				time.local(v.loadedAt()), v.loadedBy() == null ? null
						: staff.byId(v.loadedBy()).map(org.lawtrace.staff.StaffMember::username).orElse(null)))
			.toList();
	}

	record PackVersionView(String digest, String version, String source, OffsetDateTime loadedAt,
			@Nullable String loadedBy) {
	}

	/**
	 * The rule pack in force: its version and the rules it applies, with their articles, severities and thresholds.
	 */
	@GetMapping("/compliance/rule-pack")
	@Permissions.SeeRules
	PackView rulePack() {
		var pack = packs.current();
		return new PackView(pack.version(), pack.source(), pack.rules());
	}

	/**
	 * Puts the data directory's pack in force and keeps it beside every earlier version (who, when); cases already
	 * judged stay under the pack they were first judged under. A refused pack gives 422 with its line, and the old
	 * pack stays.
	 */
	@PostMapping("/compliance/rule-pack/reload")
	@Permissions.ManageSettings
	PackView reload(Authentication caller) {
		try {
			var pack = refresh.reloadEverywhere(staff.require(caller.getName()).id());
			return new PackView(pack.version(), pack.source(), pack.rules());
		}
		catch (RulePackRefused e) {
			throw new Unprocessable("rulePack", "规则包未采用，第 " + e.line() + " 行：" + e.reason() + " (pack refused, line "
					+ e.line() + ": " + e.reason() + "; " + packs.current().version() + " stays in force)");
		}
	}

	/** The signed-in officer's own open gaps in the cases they handle, nearest deadline first. */
	@GetMapping("/compliance/my-gaps")
	@Permissions.HandleCases
	List<FindingView> myGaps(Authentication caller) {
		return compliance.openGapsOf(caller.getName(), 200).stream().map(f -> FindingView.of(f, time)).toList();
	}

	/**
	 * Marks where a recording's opening statement or closing question is (ART-06), at a time offset or attested with a
	 * reason. Answers 201 with the bookmark.
	 */
	@PostMapping("/compliance/recordings/{id}/bookmarks")
	@Permissions.MarkRecordings
	ResponseEntity<Bookmark> mark(@PathVariable UUID id, @RequestBody NewBookmark body, Authentication caller) {
		var source = body.source() == null ? Bookmark.Source.OFFICER : body.source();
		var bookmark = compliance.mark(new RecordingId(id), body.kind(), body.offsetSeconds(), body.attestation(),
				source, caller.getName());
		return ResponseEntity.created(URI.create("/api/v1/compliance/recordings/" + id + "/bookmarks")).body(bookmark);
	}

	/** The bookmarks of a recording, to whoever may see its metadata. */
	@GetMapping("/compliance/recordings/{id}/bookmarks")
	@Permissions.SeeBookmarks
	List<Bookmark> bookmarks(@PathVariable UUID id, Authentication caller) {
		return compliance.bookmarks(new RecordingId(id), caller.getName());
	}

	/**
	 * A handler asks that a stage be judged "not suitable for AV recording" (ART-06), with the written reason; the
	 * deputy director in charge or the director decides. Answers 201 with the request.
	 */
	@PostMapping("/cases/{id}/stages/{stageId}/exemptions")
	@Permissions.HandleCases
	ResponseEntity<Exemption> requestExemption(@PathVariable UUID id, @PathVariable UUID stageId,
			@RequestBody NewExemption body, Authentication caller) {
		var exemption = compliance.requestExemption(new CaseId(id), new StageId(stageId), body.reason(),
				caller.getName());
		return ResponseEntity.created(URI.create("/api/v1/compliance/exemptions/" + exemption.id())).body(exemption);
	}

	/** The exemption requests of a case and their decisions. */
	@GetMapping("/cases/{id}/exemptions")
	@Permissions.SeeCompliance
	List<Exemption> exemptions(@PathVariable UUID id, Authentication caller) {
		return compliance.exemptions(new CaseId(id), caller.getName());
	}

	/**
	 * The deputy director in charge or the director approves or refuses a stage's exemption request, with an opinion.
	 */
	@PostMapping("/compliance/exemptions/{id}/decision")
	@Permissions.DecideRequests
	Exemption decide(@PathVariable UUID id, @RequestBody Decision body, Authentication caller) {
		return compliance.decideExemption(id, body.approve(), body.note(), caller.getName());
	}

	record NewBookmark(@Nullable BookmarkKind kind, @Nullable Long offsetSeconds, @Nullable String attestation,
			Bookmark.@Nullable Source source) {
	}

	record NewExemption(@Nullable String reason) {
	}

	record Decision(boolean approve, @Nullable String note) {
	}

	record PackView(String version, String source, List<Rule> rules) {
	}

	record FindingView(UUID id, UUID caseId, @Nullable UUID stageId, @Nullable String recordKind,
			@Nullable UUID recordId, String ruleId,
			String article, Severity severity, String detail, LocalDate deadline, String rulePackVersion,
			OffsetDateTime since, @Nullable OffsetDateTime resolvedAt, @Nullable String resolution) {

		static FindingView of(Finding f, BureauTime time) {
			return new FindingView(f.id(), f.caseId().id(), f.stageId() == null ? null : f.stageId().id(),
					f.record() == null ? null : f.record().kind().name(), f.record() == null ? null : f.record().id(),
					f.ruleId(), f.article(), f.severity(), f.detail(), f.deadline(),
					f.rulePackVersion(), time.local(f.foundAt()),
					f.resolvedAt() == null ? null : time.local(f.resolvedAt()),
					f.resolution() == null ? null : f.resolution().name());
		}
	}

	record StageView(UUID stageId, String kind, OffsetDateTime startedAt, @Nullable OffsetDateTime endedAt,
			boolean avMandatory, String article, Light light, @Nullable Exemption exemption, List<FindingView> open,
			List<FindingView> resolved) {
	}

	record ChecklistView(UUID caseId, String caseNumber, Light light, String rulePackVersion,
			@Nullable OffsetDateTime evaluatedAt, List<StageView> stages, List<FindingView> caseFindings) {

		static ChecklistView of(Checklist c, BureauTime time) {
			return new ChecklistView(c.caseId().id(), c.caseNumber(), c.light(), c.rulePackVersion(),
					c.evaluatedAt() == null ? null : time.local(c.evaluatedAt()),
					c.stages().stream().map(s -> new StageView(s.stageId().id(), s.kind().name(),
							time.local(s.startedAt()), s.endedAt() == null ? null : time.local(s.endedAt()),
							s.avMandatory(), s.article(), s.light(), s.exemption(),
							s.open().stream().map(f -> FindingView.of(f, time)).toList(),
							s.resolved().stream().map(f -> FindingView.of(f, time)).toList()))
						.toList(),
					c.caseFindings().stream().map(f -> FindingView.of(f, time)).toList());
		}
	}
}
