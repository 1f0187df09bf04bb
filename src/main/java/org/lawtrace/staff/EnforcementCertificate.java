package org.lawtrace.staff;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.StaffId;

/**
 * An enforcement certificate (行政执法证, 《浙江省行政执法证》): valid from its first to its last day inclusive,
 * unless revoked, in which case it stops being valid on the day of revocation.
 */
public record EnforcementCertificate(UUID id, StaffId holder, String number, String issuer, LocalDate validFrom,
		LocalDate validTo, @Nullable LocalDate revokedOn, @Nullable String revokedReason) {

	public boolean validOn(LocalDate day) {
		return !day.isBefore(validFrom) && !day.isAfter(validTo) && (revokedOn == null || day.isBefore(revokedOn));
	}

	/** Why this certificate does not cover the day, in the words an officer reads; empty if it does. */
	String whyNotValidOn(LocalDate day) {
		if (revokedOn != null && !day.isBefore(revokedOn)) {
			return "执法证 " + number + " 已于 " + revokedOn + " 注销 (revoked)";
		}
		if (day.isBefore(validFrom)) {
			return "执法证 " + number + " 自 " + validFrom + " 起生效 (not yet valid)";
		}
		if (day.isAfter(validTo)) {
			return "执法证 " + number + " 已于 " + validTo + " 到期 (expired)";
		}
		return "";
	}
}
