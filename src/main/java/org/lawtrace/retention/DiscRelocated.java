package org.lawtrace.retention;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/** A disc was moved to where it is now kept. */
public record DiscRelocated(Disc disc, String from, String to, StaffId by) implements Audited.Logged {

	@Override
	public Entry entry() {
		return new Entry(by, "DISC_RELOCATED", "DISC", disc.id().toString(),
				"label=" + disc.label() + " from=" + from + " to=" + to);
	}
}
