package org.lawtrace.compliance.web;

import java.util.Arrays;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.lawtrace.compliance.BookmarkKind;
import org.lawtrace.shared.InvalidInput;

/**
 * The recording page's ART-06.0 form as typed: which mark (the button pressed), the time in the recording as
 * {@code mm:ss}, {@code h:mm:ss} or seconds, or an attestation instead of a time.
 */
record BookmarkForm(@Nullable String kind, @Nullable String offset, @Nullable String attestation) {

	static final Set<String> FIELDS = Set.of("kind", "offset", "attestation");

	static BookmarkForm blank() {
		return new BookmarkForm(null, null, null);
	}

	/** The form with what the officer typed kept, for showing it again beside the reason it was refused. */
	BookmarkForm retyped() {
		return new BookmarkForm(null, offset, attestation);
	}

	BookmarkKind chosenKind() {
		return Arrays.stream(BookmarkKind.values()).filter(k -> k.name().equals(kind)).findFirst()
			.orElseThrow(() -> new InvalidInput("kind", "请选择开场告知或结束询问 (choose opening or closing)"));
	}

	@Nullable Long offsetSeconds() {
		return offset == null || offset.isBlank() ? null : parse(offset.strip());
	}

	/** Reads {@code 75}, {@code 1:15} or {@code 0:01:15} as 75 seconds; a fraction of a second is dropped. */
	static long parse(String text) {
		var parts = text.split(":", -1);
		if (parts.length > 3) {
			throw unreadable();
		}
		long seconds = 0;
		for (var i = 0; i < parts.length; i++) {
			var part = i == parts.length - 1 ? parts[i].replaceFirst("\\.\\d*$", "") : parts[i];
			if (!part.matches("\\d{1,6}") || (i > 0 && Long.parseLong(part) >= 60)) {
				throw unreadable();
			}
			seconds = seconds * 60 + Long.parseLong(part);
		}
		return seconds;
	}

	/** Writes an offset the way the form reads it: {@code m:ss}, or {@code h:mm:ss} from an hour on. */
	static String format(long millis) {
		var seconds = millis / 1000;
		return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
				: String.format("%d:%02d", seconds / 60, seconds % 60);
	}

	private static InvalidInput unreadable() {
		return new InvalidInput("offset", "时间点格式应为 分:秒，如 1:05 (write the time as mm:ss, e.g. 1:05)");
	}
}
