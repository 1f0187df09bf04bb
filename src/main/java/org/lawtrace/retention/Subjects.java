package org.lawtrace.retention;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.documents.DocumentCatalog;
import org.lawtrace.documents.DocumentId;
import org.lawtrace.recordings.RecordingCatalog;
import org.lawtrace.recordings.RecordingId;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;
import org.lawtrace.staff.StaffDirectory;
import org.springframework.stereotype.Component;

/**
 * What a hold or a mark is about, found in the modules that hold it: the case it belongs to (whose unit's deputy
 * director decides) and, for a daily recording with no case, the unit of whoever made it.
 */
@Component
class Subjects {

	private final CaseManagement cases;
	private final RecordingCatalog recordings;
	private final DocumentCatalog documents;
	private final StaffDirectory staff;

	Subjects(CaseManagement cases, RecordingCatalog recordings, DocumentCatalog documents, StaffDirectory staff) {
		this.cases = cases;
		this.recordings = recordings;
		this.documents = documents;
		this.staff = staff;
	}

	/** What a subject is, known to exist. */
	record Found(Subject subject, @Nullable Case inCase, @Nullable UnitId unit, @Nullable StaffId maker, String label) {
	}

	/** @throws org.lawtrace.shared.NotFound when there is no such case or record. */
	Found find(Subject subject) {
		return switch (subject.type()) {
			case CASE -> {
				var c = cases.require(new CaseId(subject.id()));
				yield new Found(subject, c, c.handlingUnit(), null, c.caseNumber().value() + " " + c.title());
			}
			case RECORDING -> {
				var r = recordings.require(new RecordingId(subject.id()));
				var caseId = r.current().caseId();
				var c = caseId == null ? null : cases.require(caseId);
				var unit = c != null ? c.handlingUnit()
						: staff.byId(r.recordedAtIngest()).map(m -> m.unitId()).orElse(null);
				yield new Found(subject, c, unit, r.recordedAtIngest(), r.originalName());
			}
			case DOCUMENT -> {
				var d = documents.require(new DocumentId(subject.id()));
				var c = cases.require(d.caseId());
				yield new Found(subject, c, c.handlingUnit(), d.madeBy(), d.title());
			}
		};
	}
}
