package org.lawtrace.documents;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/** The administrator added a document kind or changed one, as a new version of it. */
public record DocumentKindChanged(String code, int version, StaffId changedBy) implements Audited {

	@Override
	public StaffId actor() {
		return changedBy;
	}

	@Override
	public String action() {
		return "DOCUMENT_KIND_CHANGED";
	}

	@Override
	public String subjectType() {
		return "DOCUMENT_KIND";
	}

	@Override
	public String subjectId() {
		return code;
	}

	@Override
	public String details() {
		return "version=" + version;
	}
}
