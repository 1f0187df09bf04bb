package org.lawtrace.retention;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/** A disc image was handed out for burning; logged at once, since the bytes leave outside any transaction. */
public record DiscImageDownloaded(Disc disc, StaffId by) implements Audited.Logged, Audited.AtOnce {

	@Override
	public Entry entry() {
		return new Entry(by, "DISC_IMAGE_DOWNLOADED", "DISC", disc.id().toString(),
				"label=" + disc.label() + " sha256=" + disc.image().sha256());
	}
}
