package org.lawtrace.documents;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/** The administrator added a document kind or changed one, as a new version of it. */
public record DocumentKindChanged(String code, int version, StaffId changedBy) implements Audited.Logged {

	@Override
	public Entry entry() {
		return new Entry(changedBy, "DOCUMENT_KIND_CHANGED", "DOCUMENT_KIND", code, "version=" + version);
	}
}
