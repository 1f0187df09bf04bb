package org.lawtrace.compliance;

import org.lawtrace.cases.CaseClosed;
import org.lawtrace.cases.CaseOpened;
import org.lawtrace.cases.StageRecorded;
import org.lawtrace.documents.DocumentChanged;
import org.lawtrace.documents.DocumentConfirmed;
import org.lawtrace.documents.DocumentRegistered;
import org.lawtrace.documents.DocumentServed;
import org.jspecify.annotations.Nullable;
import org.lawtrace.recordings.RecordingCatalog;
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
	private final RecordingCatalog recordings;

	ComplianceTriggers(ComplianceEvaluation evaluation, CaseRecords records, RecordingCatalog recordings) {
		this.evaluation = evaluation;
		this.records = records;
		this.recordings = recordings;
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

	/**
	 * A revision re-judges the recording's cases. One its own recorder asked for that changed its times or its
	 * recorder (an approved correction) marks what it closes as closed by his own correction (Chapter 8).
	 */
	@ApplicationModuleListener
	void on(RecordingRevised event) {
		var own = ownCorrection(event);
		records.casesOfRecording(event.recordingId().id()).forEach(id -> {
			if (own == null) {
				evaluation.evaluate(new CaseId(id));
			}
			else {
				evaluation.evaluateAfterOwnCorrection(new CaseId(id), own);
			}
		});
	}

	private ComplianceEvaluation.@Nullable OwnCorrection ownCorrection(RecordingRevised event) {
		var now = event.revision();
		var before = recordings.history(event.recordingId()).stream()
			.filter(r -> r.version() == now.version() - 1).findFirst();
		if (before.isEmpty() || !before.get().recordedBy().equals(event.changedBy())) {
			return null;
		}
		var was = before.get();
		var changed = !was.startedAt().equals(now.startedAt()) || !was.endedAt().equals(now.endedAt())
				|| !was.recordedBy().equals(now.recordedBy());
		return changed ? new ComplianceEvaluation.OwnCorrection(event.recordingId().id(), event.changedBy()) : null;
	}
}
