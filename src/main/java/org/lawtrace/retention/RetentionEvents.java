package org.lawtrace.retention;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/** The retention module's past-tense events; each is logged (ART-22). */
public final class RetentionEvents {

	private RetentionEvents() {
	}

	/** A long-term mark was asked for (ART-17). */
	public record LongTermMarkRequested(UUID mark, Subject subject, Situation situation, StaffId requestedBy)
			implements Audited.Logged {

		@Override
		public Entry entry() {
			return new Entry(requestedBy, "LONG_TERM_MARK_REQUESTED", subject.type().name(), subject.id().toString(),
					"mark=" + mark + " situation=" + situation);
		}
	}

	/** A long-term mark was approved or refused by the deputy director in charge or the director (ART-17). */
	public record LongTermMarkDecided(UUID mark, Subject subject, boolean approved, StaffId decidedBy)
			implements Audited.Logged {

		@Override
		public Entry entry() {
			return new Entry(decidedBy, approved ? "LONG_TERM_MARK_APPROVED" : "LONG_TERM_MARK_REFUSED",
					subject.type().name(), subject.id().toString(), "mark=" + mark);
		}
	}

	/** A hold was placed by legal affairs (ART-16, ART-18). */
	public record HoldPlaced(UUID hold, Subject subject, HoldKind kind, StaffId placedBy) implements Audited.Logged {

		@Override
		public Entry entry() {
			return new Entry(placedBy, "HOLD_PLACED", subject.type().name(), subject.id().toString(),
					"hold=" + hold + " kind=" + kind);
		}
	}

	/** A hold was released, with a reason. */
	public record HoldReleased(UUID hold, Subject subject, StaffId releasedBy) implements Audited.Logged {

		@Override
		public Entry entry() {
			return new Entry(releasedBy, "HOLD_RELEASED", subject.type().name(), subject.id().toString(), "hold=" + hold);
		}
	}

	/** A disposition was proposed from the month's due list (ART-16). */
	public record DispositionProposed(UUID disposition, String registerNumber, int records, StaffId proposedBy)
			implements Audited.Logged {

		@Override
		public Entry entry() {
			return new Entry(proposedBy, "DISPOSITION_PROPOSED", "DISPOSITION", disposition.toString(),
					"register=" + registerNumber + " records=" + records);
		}
	}

	/** An appraisal opinion (鉴定意见) was given on a disposition. */
	public record DispositionAppraised(UUID disposition, String role, boolean agrees, StaffId givenBy)
			implements Audited.Logged {

		@Override
		public Entry entry() {
			return new Entry(givenBy, "DISPOSITION_APPRAISED", "DISPOSITION", disposition.toString(),
					"role=" + role + " agrees=" + agrees);
		}
	}

	/** The director approved or refused a disposition. */
	public record DispositionDecided(UUID disposition, boolean approved, StaffId decidedBy) implements Audited.Logged {

		@Override
		public Entry entry() {
			return new Entry(decidedBy, approved ? "DISPOSITION_APPROVED" : "DISPOSITION_REFUSED", "DISPOSITION",
					disposition.toString(), "");
		}
	}

	/** A disposition was carried out: what could be destroyed was, and each blob's outcome is on the register. */
	public record DispositionCarriedOut(UUID disposition, String registerNumber, int destroyed, int refusedByStore,
			StaffId carriedOutBy) implements Audited.Logged {

		@Override
		public Entry entry() {
			return new Entry(carriedOutBy, "DISPOSITION_CARRIED_OUT", "DISPOSITION", disposition.toString(),
					"register=" + registerNumber + " blobsDestroyed=" + destroyed + " refusedByStore=" + refusedByStore);
		}
	}

	/**
	 * Someone tried a retention step they may not take (deciding a mark outside their charge, approving or carrying
	 * out a disposition without the director's approval): refused, and logged as such.
	 */
	public record RetentionStepRefused(String action, String subjectType, String subjectId, @Nullable StaffId actor,
			String reason) implements Audited.Logged, Audited.AtOnce {

		@Override
		public Entry entry() {
			return Entry.refused(actor, action, subjectType, subjectId, "reason=" + reason);
		}
	}
}
