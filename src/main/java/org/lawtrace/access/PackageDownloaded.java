package org.lawtrace.access;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/** An evidence package was handed out; logged at once, since the bytes leave outside any transaction. */
public record PackageDownloaded(EvidencePackage evidencePackage, StaffId by) implements Audited.AtOnce {

	@Override
	public @Nullable StaffId actor() {
		return by;
	}

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
	public String details() {
		return "sha256=" + evidencePackage.digest().sha256() + " recipient=" + evidencePackage.recipient();
	}
}
