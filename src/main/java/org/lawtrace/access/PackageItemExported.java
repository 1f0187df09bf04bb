package org.lawtrace.access;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.Audited;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.StaffId;

/** A record went into an evidence package: logged on the record itself, so its chain of custody shows the export. */
public record PackageItemExported(RecordRef record, EvidencePackage evidencePackage) implements Audited {

	@Override
	public @Nullable StaffId actor() {
		return evidencePackage.createdBy();
	}

	@Override
	public String action() {
		return "EXPORT";
	}

	@Override
	public String subjectType() {
		return record.kind().name();
	}

	@Override
	public String subjectId() {
		return record.id().toString();
	}

	@Override
	public String details() {
		return "package=" + evidencePackage.id() + " recipientKind=" + evidencePackage.recipientKind() + " recipient="
				+ evidencePackage.recipient();
	}
}
