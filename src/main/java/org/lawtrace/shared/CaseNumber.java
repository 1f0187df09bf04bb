package org.lawtrace.shared;

/**
 * A case number (案号) such as {@code 东市监处〔2026〕12号}; whether it matches the bureau's format rule is the
 * cases module's call, this type only guarantees a trimmed, non-blank value.
 */
public record CaseNumber(String value) {

	public CaseNumber {
		if (value == null || value.isBlank()) {
			throw new InvalidInput("caseNumber", "案号不能为空 (case number is required)");
		}
		value = value.strip();
	}

	@Override
	public String toString() {
		return value;
	}
}
