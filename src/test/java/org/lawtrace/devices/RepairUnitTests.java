package org.lawtrace.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.shared.StaffId;

class RepairUnitTests {

	@Test
	@DisplayName("ART-12: a repair the user did themselves (擅自修理) is never reimbursable; a professional's is")
	void selfRepairIsNotReimbursable() {
		var self = open(true);
		var professional = open(false);
		assertThat(self.reimbursable()).isFalse();
		assertThat(professional.reimbursable()).isTrue();
		assertThat(self.closed(LocalDate.of(2026, 3, 2), null, "自行更换电池", Instant.EPOCH, StaffId.random())
			.reimbursable()).isFalse();
	}

	@Test
	void aRepairIsOpenUntilClosed() {
		var repair = open(false);
		assertThat(repair.open()).isTrue();
		assertThat(repair.closed(LocalDate.of(2026, 3, 2), null, null, Instant.EPOCH, StaffId.random()).open())
			.isFalse();
	}

	private static Repair open(boolean self) {
		return Repair.opened(UUID.randomUUID(), DeviceId.random(), "东阳市华信电子设备维修有限公司", self,
				LocalDate.of(2026, 3, 1), null, Instant.EPOCH, StaffId.random());
	}
}
