package org.lawtrace.cases.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseKind;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.cases.CaseQuery;
import org.lawtrace.cases.OpenCase;
import org.lawtrace.cases.Party;
import org.lawtrace.cases.Procedure;
import org.lawtrace.cases.RecordStage;
import org.lawtrace.cases.StageKind;
import org.lawtrace.cases.web.CaseViews.CaseView;
import org.lawtrace.cases.web.CaseViews.StageView;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StageId;
import org.lawtrace.staff.Permissions;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Cases and their stages over REST (ART-02, ART-06). Case metadata is readable by every role with a part in
 * enforcement or its oversight, but not by the administrator; only officers open cases and record stages.
 */
@RestController
@RequestMapping("/api/v1")
class CaseController {

	private final CaseManagement cases;
	private final CaseViews views;

	CaseController(CaseManagement cases, CaseViews views) {
		this.cases = cases;
		this.views = views;
	}

	/**
	 * Opens a case (立案) with its number (案号), kind, procedure, handling unit, handlers and parties; the handlers
	 * must hold valid enforcement certificates today (ART-07). Answers 201 with the case.
	 */
	@PostMapping("/cases")
	@Permissions.HandleCases
	ResponseEntity<CaseView> open(@Valid @RequestBody NewCase body, Authentication caller) {
		var opened = cases.open(body.toCommand(), caller.getName());
		return ResponseEntity.created(URI.create("/api/v1/cases/" + opened.id())).body(views.of(opened));
	}

	/** Finds cases by number, party, handler, opening date, status or kind, a page at a time. */
	@GetMapping("/cases")
	@Permissions.ReadCases
	Page search(@RequestParam(required = false) @Nullable String number,
			@RequestParam(required = false) @Nullable String party,
			@RequestParam(required = false) @Nullable String handler,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) Case.@Nullable Status status,
			@RequestParam(required = false) @Nullable CaseKind kind, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		var found = cases.search(new CaseQuery(number, party, handler, from, to, status, kind, page, size));
		return new Page(views.of(found.items()), found.total(), found.page(), found.size());
	}

	/** One case with its parties, handlers and status. */
	@GetMapping("/cases/{id}")
	@Permissions.ReadCases
	CaseView get(@PathVariable UUID id) {
		return views.of(cases.require(new CaseId(id)));
	}

	/** Closes (结案) an open case the caller handles; from then on its record set is frozen (ART-14). */
	@PostMapping("/cases/{id}/close")
	@Permissions.HandleCases
	CaseView close(@PathVariable UUID id, @RequestBody(required = false) @Nullable Closing body,
			Authentication caller) {
		return views.of(cases.close(new CaseId(id), caller.getName(), body == null ? null : body.closedOn()));
	}

	/** Records a stage (环节) of a case: its kind, when it started and ended, where, and who was present (ART-06). */
	@PostMapping("/cases/{id}/stages")
	@Permissions.HandleCases
	ResponseEntity<StageView> addStage(@PathVariable UUID id, @Valid @RequestBody NewStage body,
			Authentication caller) {
		var stage = cases.recordStage(new CaseId(id), body.toCommand(), caller.getName());
		return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/stages/" + stage.id()))
			.body(views.stages(List.of(stage)).get(0));
	}

	/** The stages of a case in the order they happened. */
	@GetMapping("/cases/{id}/stages")
	@Permissions.ReadCases
	List<StageView> stages(@PathVariable UUID id) {
		return views.stages(cases.stages(new CaseId(id)));
	}

	/** One stage of a case. */
	@GetMapping("/cases/{id}/stages/{stageId}")
	@Permissions.ReadCases
	StageView stage(@PathVariable UUID id, @PathVariable UUID stageId) {
		return views.stages(List.of(cases.stage(new CaseId(id), new StageId(stageId)))).get(0);
	}

	/** The stage kinds, with whether AV recording is mandatory and the article that says so. */
	@GetMapping("/stage-kinds")
	@Permissions.ReadCases
	List<StageKindView> stageKinds() {
		return Arrays.stream(StageKind.values())
			.map(k -> new StageKindView(k, k.chineseName(), k.englishName(), k.avMandatory(), k.article()))
			.toList();
	}

	record NewCase(@NotBlank String caseNumber, @NotNull CaseKind kind, @NotNull Procedure procedure,
			@NotBlank String title, @Nullable Boolean major, @Nullable List<String> handlers,
			@Nullable List<NewParty> parties, @Nullable UUID handlingUnitId) {

		OpenCase toCommand() {
			return new OpenCase(caseNumber, kind, procedure, title, Boolean.TRUE.equals(major), handlers == null ? List.of() : handlers,
					parties == null ? List.of()
							: parties.stream().map(p -> new OpenCase.PartyInput(p.kind(), p.name(), p.idNumber()))
								.toList(),
					handlingUnitId);
		}
	}

	record NewParty(Party.@Nullable Kind kind, @Nullable String name, @Nullable String idNumber) {
	}

	record NewStage(@NotNull StageKind kind, @NotNull OffsetDateTime startedAt, @Nullable OffsetDateTime endedAt,
			@Nullable String place, @Nullable List<String> present, @Nullable String note) {

		RecordStage toCommand() {
			return new RecordStage(kind, startedAt.toInstant(), endedAt == null ? null : endedAt.toInstant(), place,
					present == null ? List.of() : present, note);
		}
	}

	record Closing(@Nullable LocalDate closedOn) {
	}

	record Page(List<CaseView> items, long total, int page, int size) {
	}

	record StageKindView(StageKind kind, String chineseName, String englishName, boolean avMandatory,
			String article) {
	}
}
