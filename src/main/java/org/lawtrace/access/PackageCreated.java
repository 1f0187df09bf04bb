package org.lawtrace.access;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/** ART-19: the legal affairs unit made an evidence package, for whom and of what; the audit log keeps it. */
public record PackageCreated(EvidencePackage evidencePackage) implements Audited {

	@Override
	public @Nullable StaffId actor() {
		return evidencePackage.createdBy();
	}

	@Override
	public String action() {
		return "PACKAGE_CREATED";
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
		var p = evidencePackage;
		return "recipientKind=" + p.recipientKind() + " recipient=" + p.recipient() + " items=" + p.itemCount()
				+ (p.caseId() == null ? "" : " case=" + p.caseId()) + " sha256=" + p.digest().sha256() + " size="
				+ p.digest().sizeBytes() + " custodyEntries=" + p.custodyEntries() + " checkpoint=" + p.checkpointSize()
				+ " purpose=" + p.purpose();
	}
}
