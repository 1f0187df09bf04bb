package org.lawtrace.access;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/**
 * An evidence package was asked for by someone it is not handed to now (ART-19, ART-20): not its maker, past its
 * expiry, or without a live grant for every record in it. Logged at once, since the caller gets only a 404.
 */
record PackageDownloadRefused(EvidencePackage evidencePackage, StaffId actor, String reason)
		implements Audited.Logged, Audited.AtOnce {

	@Override
	public Entry entry() {
		return Entry.refused(actor, "PACKAGE_DOWNLOADED", "PACKAGE", evidencePackage.id().toString(),
				"reason=" + reason);
	}
}
