package org.lawtrace.shared.web;

import java.lang.reflect.InvocationTargetException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.Unprocessable;

/**
 * What every text and every time a client sends must be, whatever the field: text carries no control characters
 * (NUL, the other C0 controls but tab and line breaks, DEL, the C1 controls), which would corrupt pages, ledgers
 * and exports and let one title look like another; a time lies between 2000-01-01 and 2100-01-01, so that an
 * absurd year cannot turn into an absurd deadline (ART-15.1: "uploaded 365243239952 days late"). A refusal is 422
 * naming the field by its path in the request ({@code parties[0].name}).
 */
public final class InputRules {

	static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
	static final LocalDate LATEST = LocalDate.of(2100, 1, 1);
	private static final Instant EARLIEST_INSTANT = EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant();
	private static final Instant LATEST_INSTANT = LATEST.atStartOfDay(ZoneOffset.UTC).toInstant();
	private static final int MAX_DEPTH = 16;

	private InputRules() {
	}

	/** Checks every text and time in what a request carried: records, lists, maps, and the values in them. */
	public static <T> T checked(T value) {
		check("", value, 0);
		return value;
	}

	/** Checks one value named {@code field}: text, a time, or a record, list or map holding them. */
	public static void check(String field, @Nullable Object value) {
		check(field, value, 0);
	}

	public static void text(String field, @Nullable CharSequence value) {
		if (value == null) {
			return;
		}
		for (var i = 0; i < value.length(); i++) {
			if (isControl(value.charAt(i))) {
				throw new Unprocessable(field, "含有不允许的控制字符 (contains a control character, U+"
						+ String.format("%04X", (int) value.charAt(i)) + "): " + field);
			}
		}
	}

	public static void time(String field, @Nullable Instant value) {
		if (value != null && (value.isBefore(EARLIEST_INSTANT) || value.isAfter(LATEST_INSTANT))) {
			throw outOfRange(field);
		}
	}

	public static void date(String field, @Nullable LocalDate value) {
		if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
			throw outOfRange(field);
		}
	}

	static boolean isControl(char c) {
		return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f;
	}

	private static Unprocessable outOfRange(String field) {
		return new Unprocessable(field, "时间须在 2000-01-01 与 2100-01-01 之间 (time must lie between 2000-01-01 and "
				+ "2100-01-01): " + field);
	}

	private static void check(String field, @Nullable Object value, int depth) {
		if (value == null || depth > MAX_DEPTH) {
			return;
		}
		if (value instanceof CharSequence text) {
			text(field, text);
		}
		else if (value instanceof Instant instant) {
			time(field, instant);
		}
		else if (value instanceof OffsetDateTime time) {
			time(field, time.toInstant());
		}
		else if (value instanceof ZonedDateTime time) {
			time(field, time.toInstant());
		}
		else if (value instanceof LocalDateTime time) {
			date(field, time.toLocalDate());
		}
		else if (value instanceof LocalDate date) {
			date(field, date);
		}
		else if (value instanceof Optional<?> optional) {
			check(field, optional.orElse(null), depth + 1);
		}
		else if (value instanceof Collection<?> items) {
			var i = 0;
			for (var item : items) {
				check(field + "[" + i++ + "]", item, depth + 1);
			}
		}
		else if (value instanceof Object[] items) {
			for (var i = 0; i < items.length; i++) {
				check(field + "[" + i + "]", items[i], depth + 1);
			}
		}
		else if (value instanceof Map<?, ?> map) {
			for (var entry : map.entrySet()) {
				var name = join(field, String.valueOf(entry.getKey()));
				check(name, entry.getKey(), depth + 1);
				check(name, entry.getValue(), depth + 1);
			}
		}
		else if (value instanceof Record record) {
			components(field, record, depth);
		}
		// numbers, ids, enums and the like carry neither
	}

	private static void components(String field, Record record, int depth) {
		for (var component : record.getClass().getRecordComponents()) {
			var accessor = component.getAccessor();
			Object value;
			try {
				// request records are usually package-private to their controller's package
				accessor.setAccessible(true);
				value = accessor.invoke(record);
			}
			catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
				continue;
			}
			check(join(field, component.getName()), value, depth + 1);
		}
	}

	private static String join(String parent, String name) {
		return parent.isEmpty() ? name : parent + "." + name;
	}
}
