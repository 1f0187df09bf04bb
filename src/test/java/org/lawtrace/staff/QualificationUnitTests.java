package org.lawtrace.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;

@DisplayName("ART-08: who counts as an enforcement officer, and who may record, on a given day")
class QualificationUnitTests {

	private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

	private static StaffMember member(boolean permanent, Role... roles) {
		return new StaffMember(StaffId.random(), "someone", "某人", "X1", UnitId.random(), permanent, Set.of(roles), true);
	}

	private static EnforcementCertificate certificate(StaffMember holder, LocalDate from, LocalDate to,
			LocalDate revokedOn) {
		return new EnforcementCertificate(UUID.randomUUID(), holder.id(), "33070026001", "浙江省人民政府", from, to,
				revokedOn, revokedOn == null ? null : "调离");
	}

	@Test
	void permanentStaffWithCertificateValidThatDayIsAnOfficer() {
		var m = member(true, Role.OFFICER);
		var q = Qualification.of(m, List.of(certificate(m, DAY.minusYears(1), DAY, null)), DAY);
		assertThat(q.enforcementOfficer()).isTrue();
		assertThat(q.mayRecordText()).isTrue();
		assertThat(q.mayRecordAudioVisual()).isTrue();
		assertThat(q.reasons()).isEmpty();
	}

	@Test
	void certificateExpiredTheDayBeforeDisqualifies() {
		var m = member(true, Role.OFFICER);
		var q = Qualification.of(m, List.of(certificate(m, DAY.minusYears(1), DAY.minusDays(1), null)), DAY);
		assertThat(q.enforcementOfficer()).isFalse();
		assertThat(q.mayRecordAudioVisual()).isFalse();
		assertThat(q.reasons()).singleElement().asString().contains(DAY.minusDays(1).toString()).contains("expired");
	}

	@Test
	void certificateNotYetValidDisqualifies() {
		var m = member(true, Role.OFFICER);
		var q = Qualification.of(m, List.of(certificate(m, DAY.plusDays(1), DAY.plusYears(1), null)), DAY);
		assertThat(q.enforcementOfficer()).isFalse();
		assertThat(q.reasons()).singleElement().asString().contains("not yet valid");
	}

	@Test
	void revocationCountsFromItsOwnDay() {
		var m = member(true, Role.OFFICER);
		var certificates = List.of(certificate(m, DAY.minusYears(1), DAY.plusYears(1), DAY));
		assertThat(Qualification.of(m, certificates, DAY.minusDays(1)).enforcementOfficer()).isTrue();
		assertThat(Qualification.of(m, certificates, DAY).enforcementOfficer()).isFalse();
	}

	@Test
	void temporaryStaffWithACertificateIsNoOfficer() {
		var m = member(false, Role.OFFICER);
		var q = Qualification.of(m, List.of(certificate(m, DAY.minusYears(1), DAY.plusYears(1), null)), DAY);
		assertThat(q.enforcementOfficer()).isFalse();
		assertThat(q.reasons()).anySatisfy(r -> assertThat(r).contains("not permanent"));
	}

	@Test
	void assistantMayRecordAudioVisualButNoText() {
		var q = Qualification.of(member(false, Role.ASSISTANT), List.of(), DAY);
		assertThat(q.enforcementOfficer()).isFalse();
		assertThat(q.mayRecordText()).isFalse();
		assertThat(q.mayRecordAudioVisual()).isTrue();
	}

	@Test
	void oneValidCertificateAmongExpiredOnesSuffices() {
		var m = member(true, Role.OFFICER);
		var q = Qualification.of(m, List.of(certificate(m, DAY.minusYears(6), DAY.minusYears(1), null),
				certificate(m, DAY.minusYears(1), DAY.plusYears(5), null)), DAY);
		assertThat(q.enforcementOfficer()).isTrue();
	}
}
