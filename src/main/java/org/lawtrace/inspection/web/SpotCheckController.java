package org.lawtrace.inspection.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.inspection.Conclusion;
import org.lawtrace.inspection.NewPlan;
import org.lawtrace.inspection.RecordKind;
import org.lawtrace.inspection.Review;
import org.lawtrace.inspection.ReviewInput;
import org.lawtrace.inspection.SpotCheckPlan;
import org.lawtrace.inspection.SpotCheckReviews;
import org.lawtrace.inspection.SpotChecks;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.StaffId;
import org.lawtrace.staff.Permissions;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spot-check plans over REST (抽查, ART-21): the discipline unit defines a plan and draws its sample with a kept
 * seed; the director approves it (ART-20); the plan's inspectors review each sampled record. Everything logged.
 */
@RestController
@RequestMapping("/api/v1/inspection/plans")
class SpotCheckController {

	private final SpotChecks plans;
	private final SpotCheckReviews reviews;
	private final BureauTime time;

	SpotCheckController(SpotChecks plans, SpotCheckReviews reviews, BureauTime time) {
		this.plans = plans;
		this.reviews = reviews;
		this.time = time;
	}

	/** Every plan, newest first. */
	@GetMapping
	@Permissions.SeeSpotChecks
	List<PlanView> all() {
		return plans.all().stream().map(this::view).toList();
	}

	/** Defines a plan: 201 with it. The checklist defaults to the configured one. */
	@PostMapping
	@Permissions.PlanSpotChecks
	ResponseEntity<PlanView> define(@RequestBody NewPlan plan, Authentication caller) {
		var defined = plans.define(plan, caller.getName());
		return ResponseEntity.created(URI.create("/api/v1/inspection/plans/" + defined.id())).body(view(defined));
	}

	/**
	 * One spot-check plan (ART-21): its period, scope, checklist, inspectors, the last draw's seed and strata, and
	 * whether the director approved it.
	 */
	@GetMapping("/{id}")
	@Permissions.SeeSpotChecks
	PlanView one(@PathVariable UUID id) {
		return view(plans.require(id));
	}

	/**
	 * Draws the stratified sample (unit × record kind) with the given seed, or a fresh one; the same seed gives the
	 * same sample. 409 once the plan is approved.
	 */
	@PostMapping("/{id}/draw")
	@Permissions.PlanSpotChecks
	SampleView draw(@PathVariable UUID id, @RequestBody(required = false) @Nullable DrawOrder order,
			Authentication caller) {
		return sample(plans.draw(id, order == null ? null : order.seed(), caller.getName()));
	}

	/** The last draw: its seed, strata with candidates and drawn counts, and the records drawn. */
	@GetMapping("/{id}/sample")
	@Permissions.SeeSpotChecks
	SampleView sample(@PathVariable UUID id) {
		return sample(plans.sample(id));
	}

	/** The director approves a drawn plan (ART-20): its sample opens to its inspectors until its review period ends. */
	@PostMapping("/{id}/approval")
	@Permissions.ApproveSpotChecks
	PlanView approve(@PathVariable UUID id, Authentication caller) {
		return view(plans.approve(id, caller.getName()));
	}

	/** The review of a sampled record so far (null before any), for one of the plan's inspectors; 404 for others. */
	@GetMapping("/{id}/records/{recordId}/review")
	@Permissions.PlanSpotChecks
	ReviewView review(@PathVariable UUID id, @PathVariable UUID recordId, Authentication caller) {
		var workspace = reviews.open(id, recordId, caller.getName());
		return view(workspace.plan(), recordId, workspace.review());
	}

	/** Saves the checklist; with a conclusion, concludes the review (reasons required for 基本合格 and 不合格). */
	@PutMapping("/{id}/records/{recordId}/review")
	@Permissions.PlanSpotChecks
	ReviewView save(@PathVariable UUID id, @PathVariable UUID recordId, @RequestBody ReviewInput input,
			Authentication caller) {
		var review = reviews.save(id, recordId, input, caller.getName());
		return view(plans.require(id), recordId, review);
	}

	/** A note at a position of the recording (seconds from its start). */
	@PostMapping("/{id}/records/{recordId}/review/notes")
	@Permissions.PlanSpotChecks
	ReviewView note(@PathVariable UUID id, @PathVariable UUID recordId, @RequestBody NoteInput note,
			Authentication caller) {
		var review = reviews.note(id, recordId, note.atSeconds(), note.text(), caller.getName());
		return view(plans.require(id), recordId, review);
	}

	record DrawOrder(@Nullable Long seed) {
	}

	record NoteInput(@Nullable Integer atSeconds, @Nullable String text) {
	}

	record PlanView(UUID id, String title, LocalDate from, LocalDate to, LocalDate reviewUntil, List<RecordKind> kinds,
			@Nullable Integer sampleSize, @Nullable Integer samplePercent, List<UUID> units, List<UUID> officers,
			List<UUID> inspectors, List<String> checklist, SpotCheckPlan.Status status, @Nullable Long seed,
			int draws, @Nullable OffsetDateTime approvedAt) {
	}

	record StratumView(UUID unit, RecordKind kind, int candidates, int drawn) {
	}

	record SampledView(int position, UUID recordId, RecordKind kind, UUID unit, UUID officer) {
	}

	record SampleView(UUID plan, @Nullable Long seed, int draws, List<StratumView> strata, List<SampledView> records) {
	}

	record ReviewView(UUID plan, UUID record, @Nullable UUID id, List<String> checklist, List<Review.Item> items,
			List<Review.Note> notes, @Nullable Conclusion conclusion, @Nullable String reasons,
			@Nullable OffsetDateTime concludedAt) {
	}

	private PlanView view(SpotCheckPlan p) {
		return new PlanView(p.id(), p.title(), p.from(), p.to(), p.reviewUntil(), p.kinds().stream().sorted().toList(),
				p.sampleSize(), p.samplePercent(), p.units().stream().map(u -> u.id()).toList(),
				p.officers().stream().map(StaffId::id).toList(), p.inspectors().stream().map(StaffId::id).toList(),
				p.checklist(), p.status(), p.seed(), p.draws(), p.approvedAt() == null ? null : time.local(p.approvedAt()));
	}

	private SampleView sample(SpotChecks.Sample s) {
		return new SampleView(s.plan().id(), s.plan().seed(), s.plan().draws(),
				s.strata().stream().map(x -> new StratumView(x.unit().id(), x.kind(), x.candidates(), x.drawn())).toList(),
				s.records().stream().map(r -> new SampledView(r.position(), r.recordId(), r.kind(), r.unit().id(),
						r.officer().id())).toList());
	}

	private ReviewView view(SpotCheckPlan plan, UUID record, @Nullable Review r) {
		return new ReviewView(plan.id(), record, r == null ? null : r.id(), plan.checklist(),
				r == null ? List.of() : r.items(), r == null ? List.of() : r.notes(), r == null ? null : r.conclusion(),
				r == null ? null : r.reasons(),
				r == null || r.concludedAt() == null ? null : time.local(r.concludedAt()));
	}
}
