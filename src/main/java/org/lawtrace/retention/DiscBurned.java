package org.lawtrace.retention;

import java.time.LocalDate;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/** The custodian recorded that a disc was burned, on which day, and where it is kept (ART-17). */
public record DiscBurned(Disc disc, LocalDate on, String location, StaffId by) implements Audited.Logged {

	@Override
	public Entry entry() {
		return new Entry(by, "DISC_BURNED", "DISC", disc.id().toString(),
				"label=" + disc.label() + " burnedOn=" + on + " location=" + location);
	}
}
