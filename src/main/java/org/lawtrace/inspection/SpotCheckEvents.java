package org.lawtrace.inspection;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/** What happens to spot-check plans and their reviews (ART-21), each logged (ART-22). */
public final class SpotCheckEvents {

	static final String PLAN = "INSPECTION_PLAN";
	static final String REVIEW = "INSPECTION_REVIEW";

	private SpotCheckEvents() {
	}

	/** The discipline unit defined a plan (制定抽查方案). */
	public record PlanDefined(UUID plan, StaffId by, String title) implements Audited.Logged {
		@Override
		public Entry entry() {
			return new Entry(by, "INSPECTION_PLAN_DEFINED", PLAN, plan.toString(), "title=" + title);
		}
	}

	/** A sample was drawn with this seed; every draw is kept in the log, so a redraw cannot go unseen. */
	public record SampleDrawn(UUID plan, StaffId by, long seed, int drawn, int candidates, int draw)
			implements Audited.Logged {
		@Override
		public Entry entry() {
			return new Entry(by, "INSPECTION_SAMPLE_DRAWN", PLAN, plan.toString(),
					"seed=" + seed + " drawn=" + drawn + " candidates=" + candidates + " draw=" + draw);
		}
	}

	/** The director approved the plan (ART-20): its sample opens to its inspectors until the review period ends. */
	public record PlanApproved(UUID plan, StaffId by, String inspectors, String until) implements Audited.Logged {
		@Override
		public Entry entry() {
			return new Entry(by, "INSPECTION_PLAN_APPROVED", PLAN, plan.toString(),
					"inspectors=" + inspectors + " until=" + until);
		}
	}

	/** An inspector saved the checklist of a sampled record, or concluded its review (合格/基本合格/不合格). */
	public record ReviewRecorded(UUID review, UUID plan, UUID record, StaffId by, @Nullable Conclusion conclusion)
			implements Audited.Logged {
		@Override
		public Entry entry() {
			return new Entry(by, conclusion == null ? "INSPECTION_REVIEW_SAVED" : "INSPECTION_REVIEW_CONCLUDED", REVIEW,
					review.toString(), "plan=" + plan + " record=recording:" + record
							+ (conclusion == null ? "" : " conclusion=" + conclusion));
		}
	}

	/** An inspector noted something at a position of the recording. */
	public record ReviewNoted(UUID review, UUID record, StaffId by, int atSeconds) implements Audited.Logged {
		@Override
		public Entry entry() {
			return new Entry(by, "INSPECTION_REVIEW_NOTED", REVIEW, review.toString(),
					"record=recording:" + record + " at=" + atSeconds);
		}
	}

	/** Someone was refused a step of a plan or review (not an inspector of it, not drawn, outside its period). */
	public record SpotCheckRefused(@Nullable StaffId by, String subjectType, String subject, String step)
			implements Audited.AtOnce, Audited.Logged {
		@Override
		public Entry entry() {
			return Entry.refused(by, "INSPECTION_STEP", subjectType, subject, "step=" + step);
		}
	}

	/** The ledger was exported (Excel or PDF): who took it out and with which filter. */
	public record LedgerExported(StaffId by, String format, String filter) implements Audited.AtOnce, Audited.Logged {
		@Override
		public Entry entry() {
			return new Entry(by, "INSPECTION_LEDGER_EXPORTED", "INSPECTION_LEDGER", format, filter);
		}
	}
}
