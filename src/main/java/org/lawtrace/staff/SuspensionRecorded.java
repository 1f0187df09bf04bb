package org.lawtrace.staff;

import org.lawtrace.shared.Audited;

/** A suspension from duty was recorded against a person (ART-08, ART-22); logged once it commits. */
public record SuspensionRecorded(Suspension suspension, String username) implements Audited.Logged {

	@Override
	public Entry entry() {
		return new Entry(suspension.decidedBy(), "QUALIFICATION_SUSPENDED", AccountChanged.SUBJECT, username,
				"from=" + suspension.firstDay() + " to=" + suspension.lastDay() + " suspension=" + suspension.id());
	}
}
