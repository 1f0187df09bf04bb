package org.lawtrace.devices;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.InvalidInput;

/** The rules for free text the keeper and the staff type in: trimmed, within the column's length. */
final class Input {

	private Input() {
	}

	static String required(String field, @Nullable String value, int max, String label) {
		if (value == null || value.isBlank() || value.strip().length() > max) {
			throw new InvalidInput(field, label + "必填且不超过" + max + "字 (" + field + " is required, at most " + max
					+ " characters)");
		}
		return value.strip();
	}

	static @Nullable String optional(String field, @Nullable String value, int max, String label) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.strip().length() > max) {
			throw new InvalidInput(field, label + "不超过" + max + "字 (" + field + " is at most " + max + " characters)");
		}
		return value.strip();
	}
}
