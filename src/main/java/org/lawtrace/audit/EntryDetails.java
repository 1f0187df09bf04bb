package org.lawtrace.audit;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The {@code key=value} facts of an entry's detail, read back (issue 12). Values are single words; a free-text field
 * ({@code reason=}, {@code opinion=}) runs to the end, so only what comes before the first one is read: text a user
 * typed can then not pass for a fact. Of a key that occurs twice the first counts.
 */
final class EntryDetails {

	private static final String[] FREE_TEXT = { " reason=", " opinion=" };

	private final Map<String, String> values = new HashMap<>();

	private EntryDetails(String facts) {
		for (var part : facts.split(" ")) {
			var eq = part.indexOf('=');
			if (eq > 0) {
				values.putIfAbsent(part.substring(0, eq), part.substring(eq + 1));
			}
		}
	}

	/** The facts of a detail up to its first free-text field. */
	static EntryDetails of(String detail) {
		var end = detail.length();
		for (var marker : FREE_TEXT) {
			var at = detail.indexOf(marker);
			if (at >= 0 && at < end) {
				end = at;
			}
		}
		return new EntryDetails(detail.substring(0, end));
	}

	/**
	 * The facts from the last occurrence of {@code key=} on: for an entry whose hand-typed field (a document's number)
	 * stands before its digests, so the digests are read from after it.
	 */
	static EntryDetails fromLast(String detail, String key) {
		var at = detail.lastIndexOf(" " + key + "=");
		return at < 0 ? of(detail) : of(detail.substring(at + 1));
	}

	@Nullable
	String get(String key) {
		var value = values.get(key);
		return value == null || value.isEmpty() ? null : value;
	}

	@Nullable
	Long number(String key) {
		var value = get(key);
		if (value == null) {
			return null;
		}
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
