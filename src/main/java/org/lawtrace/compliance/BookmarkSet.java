package org.lawtrace.compliance;

import org.lawtrace.shared.Audited;

/**
 * Someone set an ART-06.0 bookmark on a recording (where the opening statement or the closing question is, or why
 * no point can be given): logged about the recording (ART-22), so the recording's custody page and its case's trail
 * show who marked what, when.
 */
public record BookmarkSet(Bookmark bookmark) implements Audited.Logged {

	@Override
	public Entry entry() {
		return new Entry(bookmark.setBy(), "BOOKMARK_SET", "RECORDING", bookmark.recordingId().toString(),
				"kind=" + bookmark.kind() + (bookmark.offsetMillis() == null ? " attested"
						: " offsetSeconds=" + bookmark.offsetMillis() / 1000) + " source=" + bookmark.source());
	}
}
