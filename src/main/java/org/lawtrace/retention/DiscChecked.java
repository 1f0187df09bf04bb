package org.lawtrace.retention;

import org.lawtrace.shared.Audited;

/** A disc was read back and checked (ART-17's re-check): the verdict and how many checks failed. */
public record DiscChecked(Disc disc, Disc.Check check, int failures) implements Audited.Logged {

	@Override
	public Entry entry() {
		return new Entry(check.checkedBy(), "DISC_CHECKED", "DISC", disc.id().toString(),
				"label=" + disc.label() + " passed=" + check.passed() + " failures=" + failures + " imageMatches="
						+ check.imageMatches() + " source=" + check.source());
	}
}
