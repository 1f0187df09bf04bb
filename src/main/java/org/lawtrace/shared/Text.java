package org.lawtrace.shared;

import org.jspecify.annotations.Nullable;

/** Free text people type (reasons, opinions, purposes): stripped, blank as absent, and no longer than a limit. */
public final class Text {

	private Text() {
	}

	/** The stripped text, or {@link InvalidInput} naming {@code field} with {@code message} when it is blank. */
	public static String required(String field, @Nullable String value, int max, String message) {
		var text = optional(field, value, max);
		if (text == null) {
			throw new InvalidInput(field, message);
		}
		return text;
	}

	/** The stripped text, or null when blank; {@link InvalidInput} naming {@code field} when it is too long. */
	public static @Nullable String optional(String field, @Nullable String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.strip().length() > max) {
			throw new InvalidInput(field, "不超过" + max + "字 (at most " + max + " characters)");
		}
		return value.strip();
	}

	/** {@code text} as a JSON string, quotes included: chart data pages hand their scripts in a data attribute. */
	public static String jsonString(String text) {
		var out = new StringBuilder("\"");
		for (var c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}
}
