package org.lawtrace.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ART-02: the number a new case is offered follows the bureau's format, per kind and year. */
class CaseNumberingUnitTests {

	private final CaseNumbering numbering = new CaseNumbering("{prefix}〔{year}〕{number}号",
			Map.of(CaseKind.ADMINISTRATIVE_PENALTY, "东市监处"));

	@Test
	@DisplayName("ART-02: the format is filled with the kind's prefix and the year around the running number")
	void fillsTheFormat() {
		var stem = numbering.stem(CaseKind.ADMINISTRATIVE_PENALTY, 2026);
		assertThat(stem).isNotNull();
		assertThat(stem.number(124)).isEqualTo("东市监处〔2026〕124号");
	}

	@Test
	@DisplayName("ART-02: the running number is read back from numbers of the same stem only")
	void readsTheRunningNumber() {
		var stem = numbering.stem(CaseKind.ADMINISTRATIVE_PENALTY, 2026);
		assertThat(stem.runningOf("东市监处〔2026〕123号")).isEqualTo(123);
		assertThat(stem.runningOf("东市监处〔2025〕900号")).isZero();
		assertThat(stem.runningOf("东市监处〔2026〕12-1号")).isZero();
		assertThat(stem.runningOf("东市监处〔2026〕号")).isZero();
	}

	@Test
	@DisplayName("A kind without a prefix is offered no number")
	void noPrefixNoOffer() {
		assertThat(numbering.stem(CaseKind.SUPERVISION_INSPECTION, 2026)).isNull();
	}
}
