package org.lawtrace.shared;

import java.time.Instant;
import java.util.UUID;

/**
 * A record's content was destroyed under a disposition the director approved (ART-16): the modules that hold it keep
 * its metadata and answer 410 for its content from now on; the audit log keeps the fact.
 */
public record RecordDestroyed(RecordRef record, UUID disposition, String registerNumber, StaffId approvedBy,
		StaffId carriedOutBy, Instant destroyedAt) implements Audited.Logged {

	@Override
	public Entry entry() {
		return new Entry(carriedOutBy, "RECORD_DESTROYED", record.kind().name(), record.id().toString(),
				"disposition=" + disposition + " register=" + registerNumber + " approvedBy=" + approvedBy.id());
	}
}
