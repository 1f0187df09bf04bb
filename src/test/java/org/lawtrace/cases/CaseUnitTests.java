package org.lawtrace.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.CaseNumber;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;

class CaseUnitTests {

	private final StaffId officer = StaffId.random();

	private Case anOpenCase() {
		return new Case(CaseId.random(), new CaseNumber("东市监处〔2026〕1号"), CaseKind.ADMINISTRATIVE_PENALTY,
				Procedure.GENERAL, "某案", UnitId.random(), false, Case.Status.OPEN, List.of(officer, StaffId.random()),
				List.of(), Instant.parse("2026-11-01T01:00:00Z"), officer, null, null, null);
	}

	@Test
	void closingRecordsWhoAndTheRetentionDay() {
		var closed = anOpenCase().close(officer, LocalDate.of(2026, 11, 20), Instant.parse("2026-11-20T02:00:00Z"));
		assertThat(closed.status()).isEqualTo(Case.Status.CLOSED);
		assertThat(closed.closedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
		assertThat(closed.closedBy()).isEqualTo(officer);
	}

	@Test
	void refusesToCloseTwice() {
		var closed = anOpenCase().close(officer, LocalDate.of(2026, 11, 20), Instant.parse("2026-11-20T02:00:00Z"));
		assertThatExceptionOfType(Conflict.class)
			.isThrownBy(() -> closed.close(officer, LocalDate.of(2026, 11, 21), Instant.parse("2026-11-21T02:00:00Z")))
			.withMessageContaining("CLOSED");
	}

	@Test
	void knowsItsHandlers() {
		assertThat(anOpenCase().handledBy(officer)).isTrue();
		assertThat(anOpenCase().handledBy(StaffId.random())).isFalse();
	}
}
