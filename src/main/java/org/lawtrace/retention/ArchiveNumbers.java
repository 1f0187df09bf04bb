package org.lawtrace.retention;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lawtrace.cases.Case;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Archive numbers (档号) by the pattern setting {@code lawtrace.retention.archive-number-pattern}: {@code {year}} (the
 * year the case was closed, as practitioner guidance numbers a file by the year it was handled), {@code {serial:N}}
 * (the serial per handling unit and year, zero-padded to N digits), optionally {@code {kind}} (案件类别: 检/罚/强).
 * The default {@code {year}-{serial:4}} gives {@code 2026-0001}. A number is unique per handling unit (its fonds,
 * 全宗) and never reused; a pattern without both year and serial is refused at start, naming the setting.
 */
@Component
class ArchiveNumbers {

	static final String SETTING = "lawtrace.retention.archive-number-pattern";
	private static final Pattern SERIAL = Pattern.compile("\\{serial(?::(\\d))?}");

	private final String pattern;

	ArchiveNumbers(@Value("${" + SETTING + ":{year}-{serial:4}}") String pattern) {
		if (!pattern.contains("{year}") || !SERIAL.matcher(pattern).find()) {
			throw new IllegalStateException(SETTING + " '" + pattern + "' must contain {year} and {serial} or "
					+ "{serial:N}: an archive number without them would repeat");
		}
		if (pattern.length() > 40) {
			throw new IllegalStateException(SETTING + " '" + pattern + "' is longer than 40 characters");
		}
		this.pattern = pattern;
	}

	int year(Case c, LocalDate today) {
		return c.closedOn() == null ? today.getYear() : c.closedOn().getYear();
	}

	String format(Case c, int year, int serial) {
		var kind = switch (c.kind()) {
			case SUPERVISION_INSPECTION -> "检";
			case ADMINISTRATIVE_PENALTY -> "罚";
			case ADMINISTRATIVE_COERCION -> "强";
		};
		var withYear = pattern.replace("{year}", String.valueOf(year)).replace("{kind}", kind);
		Matcher m = SERIAL.matcher(withYear);
		var out = new StringBuilder();
		while (m.find()) {
			var digits = m.group(1) == null ? 1 : Integer.parseInt(m.group(1));
			m.appendReplacement(out, String.format("%0" + digits + "d", serial));
		}
		m.appendTail(out);
		return out.toString();
	}
}
