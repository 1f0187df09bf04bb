package org.lawtrace.access;

import org.lawtrace.shared.Audited;

/** ART-19: the legal affairs unit made an evidence package, for whom and of what; the audit log keeps it. */
public record PackageCreated(EvidencePackage evidencePackage) implements Audited.Logged {

	@Override
	public Entry entry() {
		return new Entry(evidencePackage.createdBy(), "PACKAGE_CREATED", "PACKAGE", evidencePackage.id().toString(),
				details());
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
