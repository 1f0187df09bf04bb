package org.lawtrace.compliance;

import org.lawtrace.cases.CaseClosed;
import org.lawtrace.cases.CaseOpened;
import org.lawtrace.cases.StageRecorded;
import org.lawtrace.documents.DocumentChanged;
import org.lawtrace.documents.DocumentConfirmed;
import org.lawtrace.documents.DocumentRegistered;
import org.lawtrace.documents.DocumentServed;
import org.lawtrace.recordings.RecordingIngested;
import org.lawtrace.recordings.RecordingRevised;
import org.lawtrace.shared.CaseId;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Re-judges a case whenever something the rules read changes in another module, after that change has committed.
 * A recording moved between cases re-judges every case it was ever linked to, so the case it left shows its gap.
 */
@Component
class ComplianceTriggers {

	private final ComplianceEvaluation evaluation;
	private final CaseRecords records;

	ComplianceTriggers(ComplianceEvaluation evaluation, CaseRecords records) {
		this.evaluation = evaluation;
		this.records = records;
	}

	@ApplicationModuleListener
	void on(CaseOpened event) {
		evaluation.evaluate(event.caseId());
	}

	@ApplicationModuleListener
	void on(StageRecorded event) {
		evaluation.evaluate(event.caseId());
	}

	@ApplicationModuleListener
	void on(CaseClosed event) {
		evaluation.evaluate(event.caseId());
	}

	@ApplicationModuleListener
	void on(RecordingIngested event) {
		if (event.caseId() != null) {
			evaluation.evaluate(event.caseId());
		}
	}

	@ApplicationModuleListener
	void on(DocumentRegistered event) {
		evaluation.evaluate(event.caseId());
	}

	@ApplicationModuleListener
	void on(DocumentChanged event) {
		evaluation.evaluate(event.caseId());
	}

	@ApplicationModuleListener
	void on(DocumentConfirmed event) {
		evaluation.evaluate(event.caseId());
	}

	@ApplicationModuleListener
	void on(DocumentServed event) {
		evaluation.evaluate(event.caseId());
	}

	@ApplicationModuleListener
	void on(RecordingRevised event) {
		records.casesOfRecording(event.recordingId().id()).forEach(id -> evaluation.evaluate(new CaseId(id)));
	}
}
