package org.lawtrace.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;

@DisplayName("ART-08, ART-22: a suspension from duty (暂停执法资格) takes the qualification away for its days only")
class SuspensionUnitTests {

	private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

	@Test
	@DisplayName("ART-08: an officer with a valid certificate is not qualified on a day his suspension covers, and says why")
	void suspensionCoveringTheDayDisqualifies() {
		var m = new StaffMember(StaffId.random(), "someone", "某人", "X1", UnitId.random(), true, Set.of(Role.OFFICER), true);
		var certificate = new EnforcementCertificate(UUID.randomUUID(), m.id(), "33070026009", "浙江省人民政府",
				DAY.minusYears(1), DAY.plusYears(1), null, null);
		var suspension = new Suspension(UUID.randomUUID(), m.id(), DAY, DAY.plusDays(9), "违规处理决定", StaffId.random(),
				Instant.parse("2026-12-06T01:00:00Z"));

		var during = Qualification.of(m, List.of(certificate), List.of(suspension), DAY.plusDays(9));
		assertThat(during.enforcementOfficer()).isFalse();
		assertThat(during.mayRecordAudioVisual()).isFalse();
		assertThat(during.suspended()).isTrue();
		assertThat(during.reasons()).singleElement().asString().contains("暂停执法资格").contains("ART-08");

		assertThat(Qualification.of(m, List.of(certificate), List.of(suspension), DAY.minusDays(1)).enforcementOfficer())
			.isTrue();
		assertThat(Qualification.of(m, List.of(certificate), List.of(suspension), DAY.plusDays(10)).enforcementOfficer())
			.isTrue();
	}
}
