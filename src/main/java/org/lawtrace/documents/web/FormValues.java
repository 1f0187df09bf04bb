package org.lawtrace.documents.web;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.InvalidInput;

/** Reads the values the documents' forms send as text: local times, page lists like {@code 1-3,5}, and ids. */
final class FormValues {

	private FormValues() {
	}

	static @Nullable LocalDateTime localTime(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			return null;
		}
	}

	static List<Integer> pages(@Nullable String value, String field) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		var pages = new ArrayList<Integer>();
		for (var part : Arrays.stream(value.split("[,，\\s]+")).filter(p -> !p.isBlank()).toList()) {
			var range = part.split("[-–]");
			try {
				var from = Integer.parseInt(range[0].strip());
				var to = range.length > 1 ? Integer.parseInt(range[1].strip()) : from;
				if (to < from || to - from > 2000) {
					throw new InvalidInput(field, "页码范围不正确 (bad page range): " + part);
				}
				for (var p = from; p <= to; p++) {
					pages.add(p);
				}
			}
			catch (NumberFormatException e) {
				throw new InvalidInput(field, "页码应为数字，如 1-3,5 (pages like 1-3,5)");
			}
		}
		return pages;
	}

	static @Nullable UUID uuid(@Nullable String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInput(field, "编号格式不正确 (not an id): " + value);
		}
	}
}
