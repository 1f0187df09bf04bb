package org.lawtrace.access;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.StaffId;

/**
 * A record the legal affairs unit tried to pack without approval to see it (ART-20): logged at once against the
 * record, since the package is never made and an after-commit event would never be delivered.
 */
record PackageRefused(StaffId actor, RecordRef record, String recipient) implements Audited.Logged, Audited.AtOnce {

	@Override
	public Entry entry() {
		return Entry.refused(actor, "EXPORT", record.kind().name(), record.id().toString(),
				"recipient=" + recipient + " reason=no live grant (ART-20)");
	}
}
