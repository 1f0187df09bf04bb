package org.lawtrace.shared;

import org.jspecify.annotations.Nullable;

/**
 * A case number (案号) such as {@code 东市监处〔2026〕12号}; whether it matches the bureau's format rule is the
 * cases module's call. This type guarantees a non-blank value in its one spelling ({@link #normalised}), so that
 * {@code 东市监处[2026]12号} and {@code 东市监处〔2026〕12号} are the same number and cannot make two cases (ART-02).
 */
public record CaseNumber(String value) {

	public CaseNumber {
		if (value == null || value.isBlank()) {
			throw new InvalidInput("caseNumber", "案号不能为空 (case number is required)");
		}
		value = normalised(value);
	}

	/**
	 * The one spelling of a case number, or of a part of one (a search): no spaces; full-width digits as ASCII;
	 * the year's brackets, however typed ({@code [ ] ( ) ［ ］ （ ） 【 】 〖 〗 ﹝ ﹞ 〔 〕}), as the
	 * 六角括号 {@code 〔 〕} the national document format (GB/T 9704) prescribes.
	 */
	public static String normalised(@Nullable String typed) {
		if (typed == null) {
			return "";
		}
		var out = new StringBuilder(typed.length());
		typed.codePoints().forEach(c -> {
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				return;
			}
			if (c >= '０' && c <= '９') {
				out.append((char) ('0' + (c - '０')));
			}
			else if ("[(［（【〖﹝〔".indexOf(c) >= 0) {
				out.append('〔');
			}
			else if ("])］）】〗﹞〕".indexOf(c) >= 0) {
				out.append('〕');
			}
			else {
				out.appendCodePoint(c);
			}
		});
		return out.toString();
	}

	@Override
	public String toString() {
		return value;
	}
}
