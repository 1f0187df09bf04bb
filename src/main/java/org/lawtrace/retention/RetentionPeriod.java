package org.lawtrace.retention;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A retention period (保管期限): permanent (永久) or a fixed term (定期) counted from a cut-off event. Fixed terms
 * are whole years in the archives rules (30年, 10年); months are accepted only so a setting below one year can be
 * written, and refused, by name (ART-16.2).
 */
public record RetentionPeriod(@Nullable Period term) {

	public static final RetentionPeriod PERMANENT = new RetentionPeriod(null);

	private static final Pattern YEARS = Pattern.compile("(\\d{1,3})\\s*(?:Y|年)");
	private static final Pattern MONTHS = Pattern.compile("(\\d{1,4})\\s*(?:M|个月)");

	public RetentionPeriod {
		if (term != null && (term.isNegative() || term.isZero() || term.getDays() != 0)) {
			throw new IllegalArgumentException("a retention term is a positive number of years or months: " + term);
		}
		term = term == null ? null : term.normalized();
	}

	public static RetentionPeriod years(int years) {
		return new RetentionPeriod(Period.ofYears(years));
	}

	/** {@code PERMANENT} / {@code 永久}, {@code 30Y} / {@code 30年}, {@code 6M} / {@code 6个月}, or ISO {@code P30Y}. */
	public static RetentionPeriod parse(String text) {
		var t = text.strip();
		if (t.equalsIgnoreCase("PERMANENT") || t.equals("永久")) {
			return PERMANENT;
		}
		var years = YEARS.matcher(t);
		if (years.matches()) {
			return years(Integer.parseInt(years.group(1)));
		}
		var months = MONTHS.matcher(t);
		if (months.matches()) {
			return new RetentionPeriod(Period.ofMonths(Integer.parseInt(months.group(1))));
		}
		try {
			return new RetentionPeriod(Period.parse(t.toUpperCase(java.util.Locale.ROOT)));
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new IllegalArgumentException(
					"'" + text + "' is not a retention period (PERMANENT/永久, 30Y/30年, 6M, or ISO P30Y)");
		}
	}

	public boolean permanent() {
		return term == null;
	}

	/** The day the period ends, counted from the cut-off event's day; empty for a permanent period. */
	public Optional<LocalDate> dueOn(LocalDate cutOff) {
		return term == null ? Optional.empty() : Optional.of(cutOff.plus(term));
	}

	/** Whether this keeps records at least as long as the other (permanent outlasts every term). */
	public boolean atLeast(RetentionPeriod other) {
		if (term == null) {
			return true;
		}
		if (other.term == null) {
			return false;
		}
		return term.toTotalMonths() >= other.term.toTotalMonths();
	}

	/** As on a cover (案卷封面): 永久, 30年, 6个月. */
	public String chinese() {
		if (term == null) {
			return "永久";
		}
		return term.getMonths() == 0 ? term.getYears() + "年" : term.toTotalMonths() + "个月";
	}

	/** As English pages say it: permanent, 30 years, 6 months. */
	public String english() {
		if (term == null) {
			return "permanent";
		}
		return term.getMonths() == 0 ? term.getYears() + " years" : term.toTotalMonths() + " months";
	}

	/** As in the API and the file plan: PERMANENT, 30Y, 6M. */
	public String code() {
		if (term == null) {
			return "PERMANENT";
		}
		return term.getMonths() == 0 ? term.getYears() + "Y" : term.toTotalMonths() + "M";
	}

	@Override
	public String toString() {
		return code();
	}
}
