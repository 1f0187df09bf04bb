package org.lawtrace.retention;

import org.lawtrace.shared.Audited;

/** A disc image of long-term material was made and stored (ART-17). */
public record DiscImageMade(Disc disc, int packages) implements Audited.Logged {

	@Override
	public Entry entry() {
		return new Entry(disc.madeBy(), "DISC_IMAGE_MADE", "DISC", disc.id().toString(), "label=" + disc.label()
				+ " sha256=" + disc.image().sha256() + " size=" + disc.image().sizeBytes() + " packages=" + packages);
	}
}
