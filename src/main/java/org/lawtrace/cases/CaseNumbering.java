package org.lawtrace.cases;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the bureau numbers its cases (案号, ART-02), {@code lawtrace.cases.*}: the format a new number is offered in,
 * and the prefix (机关代字 and 案件类别) per kind of case. {@code numberFormat} names its parts {@code {prefix}},
 * {@code {year}} and {@code {number}}, e.g. {@code {prefix}〔{year}〕{number}号} gives {@code 东市监处〔2026〕123号}.
 *
 * @param numberPrefix per kind, e.g. {@code lawtrace.cases.number-prefix.ADMINISTRATIVE_PENALTY=东市监处}; a kind
 *        without one is offered no number and the officer types it.
 */
@ConfigurationProperties("lawtrace.cases")
record CaseNumbering(@DefaultValue("{prefix}\u3014{year}\u3015{number}\u53f7") String numberFormat,
		@Nullable Map<CaseKind, String> numberPrefix) {

	/** What every number of this kind and year starts and ends with, around the running number; null if none. */
	@Nullable Stem stem(CaseKind kind, int year) {
		var prefix = numberPrefix == null ? null : numberPrefix.get(kind);
		if (prefix == null || prefix.isBlank() || !numberFormat.contains("{number}")) {
			return null;
		}
		var filled = numberFormat.replace("{prefix}", prefix.strip()).replace("{year}", String.valueOf(year));
		var at = filled.indexOf("{number}");
		return new Stem(filled.substring(0, at), filled.substring(at + "{number}".length()));
	}

	/** A case number is {@code before + running number + after}. */
	record Stem(String before, String after) {

		String number(long running) {
			return before + running + after;
		}

		/** The running number in {@code caseNumber}, or 0 when it is not a number of this stem. */
		long runningOf(String caseNumber) {
			if (!caseNumber.startsWith(before) || !caseNumber.endsWith(after)
					|| caseNumber.length() <= before.length() + after.length()) {
				return 0;
			}
			var digits = caseNumber.substring(before.length(), caseNumber.length() - after.length());
			return digits.length() <= 12 && digits.chars().allMatch(c -> c >= '0' && c <= '9') ? Long.parseLong(digits)
					: 0;
		}
	}
}
