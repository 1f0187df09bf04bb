package org.lawtrace.access;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/**
 * An evidence package was asked for by someone it is not handed to now (ART-19, ART-20): not its maker, past its
 * expiry, or without a live grant for every record in it. Logged at once, since the caller gets only a 404.
 */
record PackageDownloadRefused(EvidencePackage evidencePackage, StaffId actor, String reason) implements Audited.AtOnce {

	@Override
	public String action() {
		return "PACKAGE_DOWNLOADED";
	}

	@Override
	public String subjectType() {
		return "PACKAGE";
	}

	@Override
	public String subjectId() {
		return evidencePackage.id().toString();
	}

	@Override
	public String outcome() {
		return "REFUSED";
	}

	@Override
	public String details() {
		return "reason=" + reason;
	}
}
