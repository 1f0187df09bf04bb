package org.lawtrace.inspection;

import java.util.ArrayList;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.NotPermitted;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.staff.StaffDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review workspace's work (ART-21): an inspector of an approved plan answers the checklist for a sampled record,
 * notes what he sees at positions of the recording, and concludes. Only the plan's inspectors, and only while the
 * plan opens the record to them (ART-20); others learn nothing of the review.
 */
@Service
@Transactional
public class SpotCheckReviews {

	private final SpotChecks plans;
	private final Reviews reviews;
	private final SampleGrants grants;
	private final StaffDirectory staff;
	private final BureauTime time;
	private final ApplicationEventPublisher events;

	SpotCheckReviews(SpotChecks plans, Reviews reviews, SampleGrants grants, StaffDirectory staff, BureauTime time,
			ApplicationEventPublisher events) {
		this.plans = plans;
		this.reviews = reviews;
		this.grants = grants;
		this.staff = staff;
		this.time = time;
		this.events = events;
	}

	/** What the workspace shows of a sampled record: the plan, the record's place in the sample, and the review so far. */
	public record Workspace(SpotCheckPlan plan, SampledRecord sampled, @Nullable Review review) {
	}

	@Transactional(propagation = Propagation.NOT_SUPPORTED) // a refusal is logged at once
	public Workspace open(UUID planId, UUID recordId, String actor) {
		var sampled = requireOpen(planId, recordId, actor);
		return new Workspace(plans.require(planId), sampled, reviews.of(planId, recordId).orElse(null));
	}

	/** Saves the checklist, and concludes when {@code input} names a conclusion; a concluded review is final. */
	public Review save(UUID planId, UUID recordId, ReviewInput input, String actor) {
		var sampled = requireOpen(planId, recordId, actor);
		var inspector = staff.require(actor).id();
		var plan = plans.require(planId);
		var review = reviews.of(planId, recordId).orElse(null);
		if (review != null && review.concluded()) {
			throw new Conflict("conclusion", "检查已作出结论，不能修改 (the review is concluded and cannot change)");
		}
		var answers = input.items() == null ? java.util.List.<ReviewInput.Answer>of() : input.items();
		if (answers.size() != plan.checklist().size()) {
			throw new InvalidInput("items", "须逐项填写检查项目 (answer each of the " + plan.checklist().size()
					+ " checklist items)");
		}
		var items = new ArrayList<Review.Item>();
		for (var i = 0; i < answers.size(); i++) {
			var a = answers.get(i);
			if (a == null || a.verdict() == null) {
				throw new InvalidInput("items[" + i + "].verdict", "须选择符合、不符合或不适用 (choose met, not met or not applicable)");
			}
			var note = a.note() == null || a.note().isBlank() ? null : a.note().strip();
			if (note != null && note.length() > 1000) {
				throw new InvalidInput("items[" + i + "].note", "说明不得超过1000字 (a note is at most 1000 characters)");
			}
			items.add(new Review.Item(i + 1, plan.checklist().get(i), a.verdict(), note));
		}
		var reasons = input.reasons() == null || input.reasons().isBlank() ? null : input.reasons().strip();
		if (input.conclusion() != null && input.conclusion().needsReasons() && reasons == null) {
			throw new InvalidInput("reasons", "基本合格或不合格须说明理由 (reasons are required for 基本合格 and 不合格)");
		}
		if (reasons != null && reasons.length() > 2000) {
			throw new InvalidInput("reasons", "理由不得超过2000字 (reasons are at most 2000 characters)");
		}
		if (review == null) {
			review = start(sampled, inspector);
		}
		reviews.save(review.id(), inspector, items, input.conclusion(), reasons,
				input.conclusion() == null ? null : time.now());
		events.publishEvent(new SpotCheckEvents.ReviewRecorded(review.id(), planId, recordId, inspector,
				input.conclusion()));
		return reviews.of(planId, recordId).orElseThrow();
	}

	/** A note at {@code atSeconds} into the recording. */
	public Review note(UUID planId, UUID recordId, @Nullable Integer atSeconds, @Nullable String text, String actor) {
		var sampled = requireOpen(planId, recordId, actor);
		var inspector = staff.require(actor).id();
		if (atSeconds == null || atSeconds < 0) {
			throw new InvalidInput("atSeconds", "须给出录像中的时间位置 (a position in the recording is required)");
		}
		if (text == null || text.isBlank() || text.length() > 1000) {
			throw new InvalidInput("text", "须填写记录内容，不超过1000字 (a note of at most 1000 characters is required)");
		}
		var review = reviews.of(planId, recordId).orElseGet(() -> start(sampled, inspector));
		reviews.note(review.id(), new Review.Note(UUID.randomUUID(), atSeconds, text.strip(), inspector, time.now()));
		events.publishEvent(new SpotCheckEvents.ReviewNoted(review.id(), recordId, inspector, atSeconds));
		return reviews.of(planId, recordId).orElseThrow();
	}

	private Review start(SampledRecord sampled, org.lawtrace.shared.StaffId inspector) {
		var review = new Review(UUID.randomUUID(), sampled.planId(), sampled.recordId(), inspector, sampled.officer(),
				sampled.unit(), java.util.List.of(), java.util.List.of(), null, null, time.now(), null);
		reviews.start(review);
		return review;
	}

	/**
	 * The sampled record, for an inspector of its approved plan while the plan opens it to him (ART-20); 404 to
	 * anyone else, 403 to an inspector outside the plan's period. Refusals are logged.
	 */
	private SampledRecord requireOpen(UUID planId, UUID recordId, String actor) {
		var inspector = staff.require(actor).id();
		try {
			var sampled = plans.requireSampledFor(planId, recordId, inspector);
			if (!grants.opens(inspector, RecordRef.recording(recordId), time.now())) {
				throw new NotPermitted("抽查方案的检查期间已过或尚未开始 (the plan's review period is over or has not begun)");
			}
			return sampled;
		}
		catch (RuntimeException e) {
			events.publishEvent(new SpotCheckEvents.SpotCheckRefused(inspector, SpotCheckEvents.PLAN, planId.toString(),
					"review record=recording:" + recordId));
			throw e;
		}
	}

	/** The plan's reviews so far. */
	@Transactional(readOnly = true)
	public java.util.List<Review> ofPlan(UUID planId) {
		return reviews.ofPlan(planId);
	}
}
