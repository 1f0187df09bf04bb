package org.lawtrace.access;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/** An evidence package was handed out; logged at once, since the bytes leave outside any transaction. */
public record PackageDownloaded(EvidencePackage evidencePackage, StaffId by) implements Audited.Logged, Audited.AtOnce {

	@Override
	public Entry entry() {
		return new Entry(by, "PACKAGE_DOWNLOADED", "PACKAGE", evidencePackage.id().toString(),
				"sha256=" + evidencePackage.digest().sha256() + " recipient=" + evidencePackage.recipient());
	}
}
