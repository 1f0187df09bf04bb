package org.lawtrace.documents;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StaffId;

/** A version of a document's file was handed out (viewed or downloaded); logged at once (ART-20, ART-22). */
public record DocumentContentServed(DocumentId documentId, CaseId caseId, int version, StaffId viewer)
		implements Audited.Logged, Audited.AtOnce {

	@Override
	public Entry entry() {
		return new Entry(viewer, "VIEW", "DOCUMENT", documentId.toString(),
				"case=" + caseId.id() + " version=" + version);
	}
}
