package org.lawtrace.access;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.RecordRef;

/** A record went into an evidence package: logged on the record itself, so its chain of custody shows the export. */
public record PackageItemExported(RecordRef record, EvidencePackage evidencePackage) implements Audited.Logged {

	@Override
	public Entry entry() {
		return new Entry(evidencePackage.createdBy(), "EXPORT", record.kind().name(), record.id().toString(),
				"package=" + evidencePackage.id() + " recipientKind=" + evidencePackage.recipientKind()
				+ " recipient=" + evidencePackage.recipient());
	}
}
