package org.lawtrace.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.lawtrace.shared.StaffId;

/**
 * A suspension from enforcement duty (暂停执法资格), decided as a sanction (ART-22): from its first to its last day
 * inclusive the person is not qualified to handle cases or record (ART-08).
 *
 * @param reason why, in the words the decision gave (e.g. the violation register's number and facts).
 */
public record Suspension(UUID id, StaffId staff, LocalDate firstDay, LocalDate lastDay, String reason,
		StaffId decidedBy, Instant recordedAt) {

	public boolean covers(LocalDate day) {
		return !day.isBefore(firstDay) && !day.isAfter(lastDay);
	}

	/** Why the person was not qualified on a day this covers, as officers read it. */
	public String why() {
		return "暂停执法资格 " + firstDay + " 至 " + lastDay + "：" + reason + " (suspended from duty " + firstDay + " to "
				+ lastDay + ", ART-08)";
	}
}
