package org.lawtrace.compliance.web;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.lawtrace.compliance.Bookmark;
import org.lawtrace.compliance.BookmarkKind;

/**
 * An ART-06.0 bookmark as a mark on the player's seek bar: where it stands as a share of the recording's length, and
 * the time to seek to. Bookmarks attested with a reason have no time and no mark.
 *
 * @param left percent of the bar, or null when the recording's length is not known (the page's script places the
 *             mark once the player knows it)
 */
record SeekMark(BookmarkKind kind, double seconds, String offset, @Nullable Double left) {

	static List<SeekMark> of(List<Bookmark> bookmarks, @Nullable Duration duration) {
		var length = duration == null || duration.isZero() || duration.isNegative() ? null : duration.toMillis();
		return bookmarks.stream()
			.filter(b -> b.offsetMillis() != null)
			.sorted(Comparator.comparing(b -> Objects.requireNonNull(b.offsetMillis())))
			.map(b -> {
				long at = Objects.requireNonNull(b.offsetMillis());
				var left = length == null ? null : Math.max(0, Math.min(100, at * 100.0 / length));
				return new SeekMark(b.kind(), at / 1000.0, BookmarkForm.format(at), left);
			})
			.toList();
	}

	/** The CSS that places it, the same in every locale; empty until the length is known. */
	public String style() {
		return left == null ? "" : String.format(Locale.ROOT, "left:%.3f%%", left);
	}

	/** The time to seek to, as the player's currentTime takes it. */
	public String at() {
		return String.format(Locale.ROOT, "%.3f", seconds);
	}
}
