package org.lawtrace.retention;

import org.lawtrace.documents.DocumentChanged;
import org.lawtrace.documents.DocumentRegistered;
import org.lawtrace.recordings.CorrectionDecided;
import org.lawtrace.recordings.CorrectionRequest;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * After archiving a case's records change only by approved corrections (ART-14, issue 11): a document registered or
 * changed in it, or a recording corrected into or out of it, marks its archived file as needing a new package
 * version, which the custodian makes. The archived versions themselves never change.
 */
@Component
class ArchiveTriggers {

	private final Archives archives;
	private final BureauTime time;
	private final ApplicationEventPublisher events;

	ArchiveTriggers(Archives archives, BureauTime time, ApplicationEventPublisher events) {
		this.archives = archives;
		this.time = time;
		this.events = events;
	}

	@ApplicationModuleListener
	void on(DocumentRegistered registered) {
		note(registered.caseId(), "文书登记 " + registered.documentId());
	}

	@ApplicationModuleListener
	void on(DocumentChanged changed) {
		note(changed.caseId(), "文书 " + changed.documentId() + " 第" + changed.version() + "版：" + changed.reason());
	}

	@ApplicationModuleListener
	void on(CorrectionDecided decided) {
		var c = decided.correction();
		if (c.status() != CorrectionRequest.Status.APPROVED) {
			return;
		}
		var what = "音像记录 " + c.recordingId() + " 更正：" + c.reason();
		if (c.caseId() != null) {
			note(c.caseId(), what);
		}
		if (c.caseBefore() != null && !c.caseBefore().equals(c.caseId())) {
			note(c.caseBefore(), what);
		}
	}

	private void note(CaseId caseId, String change) {
		var said = change.length() > 300 ? change.substring(0, 300) : change;
		// a file disposed of has no package left to renew (ART-16)
		archives.byCase(caseId).filter(archive -> !archive.disposedOf()).ifPresent(archive -> {
			archives.markChanged(caseId, time.now(), said);
			events.publishEvent(new ArchiveChangeNoted(caseId, archive.archiveNumber(), said));
		});
	}
}
