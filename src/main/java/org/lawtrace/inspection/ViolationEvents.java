package org.lawtrace.inspection;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/** What the violation register publishes: every step, logged (ART-22). */
public final class ViolationEvents {

	private ViolationEvents() {
	}

	static final String SUBJECT = "VIOLATION";

	/** The discipline unit registered a violation; its officers are told. */
	public record ViolationRegistered(UUID violationId, int item, java.util.List<StaffId> officers, StaffId by)
			implements Audited.Logged {
		@Override
		public Entry entry() {
			return new Entry(by, "VIOLATION_REGISTERED", SUBJECT, violationId.toString(),
					"item=" + item + " officers=" + officers);
		}
	}

	/** An officer stated his defence (陈述申辩). */
	public record DefenceStated(UUID violationId, StaffId officer) implements Audited.Logged {
		@Override
		public Entry entry() {
			return new Entry(officer, "VIOLATION_DEFENCE_STATED", SUBJECT, violationId.toString(), "");
		}
	}

	/** The discipline unit proposed a sanction. */
	public record SanctionProposed(UUID violationId, Sanction sanction, StaffId by) implements Audited.Logged {
		@Override
		public Entry entry() {
			return new Entry(by, "SANCTION_PROPOSED", SUBJECT, violationId.toString(), "sanction=" + sanction);
		}
	}

	/** The director decided the sanction; a suspension was recorded in the staff directory (ART-08). */
	public record SanctionDecided(UUID violationId, Sanction sanction, java.util.List<StaffId> officers, StaffId by)
			implements Audited.Logged {
		@Override
		public Entry entry() {
			return new Entry(by, "SANCTION_DECIDED", SUBJECT, violationId.toString(),
					"sanction=" + sanction + " officers=" + officers);
		}
	}

	/** A step refused: someone who may not take it tried; logged at once, the work being rolled back. */
	public record ViolationStepRefused(@Nullable StaffId actor, String action, String violationId, String reason)
			implements Audited.Logged, Audited.AtOnce {
		@Override
		public Entry entry() {
			return Entry.refused(actor, action, SUBJECT, violationId, "reason=" + reason);
		}
	}
}
