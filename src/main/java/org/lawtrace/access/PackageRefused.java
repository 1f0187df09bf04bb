package org.lawtrace.access;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.StaffId;

/**
 * A record the legal affairs unit tried to pack without approval to see it (ART-20): logged at once against the
 * record, since the package is never made and an after-commit event would never be delivered.
 */
record PackageRefused(StaffId actor, RecordRef record, String recipient) implements Audited.AtOnce {

	@Override
	public String action() {
		return "EXPORT";
	}

	@Override
	public String subjectType() {
		return record.kind().name();
	}

	@Override
	public String subjectId() {
		return record.id().toString();
	}

	@Override
	public String outcome() {
		return "REFUSED";
	}

	@Override
	public String details() {
		return "recipient=" + recipient + " reason=no live grant (ART-20)";
	}
}
