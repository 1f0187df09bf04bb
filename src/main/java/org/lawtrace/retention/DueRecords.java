package org.lawtrace.retention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseManagement;
import org.lawtrace.cases.CaseOutlines;
import org.lawtrace.documents.DocumentCatalog;
import org.lawtrace.recordings.Recording;
import org.lawtrace.recordings.RecordingCatalog;
import org.lawtrace.recordings.RecordingDerivatives;
import org.lawtrace.recordings.RecordingQuery;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.RecordRef;
import org.springframework.stereotype.Component;

/**
 * Finds the records whose retention period has run out by a day (ART-16): the records of each closed case, counted
 * from the cut-off of its file plan row (a case's recordings inherit the case file's period, ART-16.3), and the daily
 * recordings linked to no case, counted from their recording (at least a year, ART-16.2). Permanent rows are never
 * due. A row counted from archiving (归档之日) is counted from the day the file was archived, and a case not yet
 * archived under such a row is not due at all: its period has not begun. An archived file goes whole: while some of
 * its records, or the file under its own period, are not due yet, its due records come withheld ({@code FILE_KEPT});
 * a file already disposed of has nothing due.
 */
@Component
class DueRecords {

	private static final int PAGE = 200;

	private final FilePlan plan;
	private final CaseOutlines outlines;
	private final CaseManagement cases;
	private final RecordingCatalog recordings;
	private final RecordingDerivatives derivatives;
	private final DocumentCatalog documents;
	private final BureauTime time;
	private final Archives archives;

	DueRecords(FilePlan plan, CaseOutlines outlines, CaseManagement cases, RecordingCatalog recordings,
			RecordingDerivatives derivatives, DocumentCatalog documents, BureauTime time, Archives archives) {
		this.archives = archives;
		this.plan = plan;
		this.outlines = outlines;
		this.cases = cases;
		this.recordings = recordings;
		this.derivatives = derivatives;
		this.documents = documents;
		this.time = time;
	}

	/**
	 * Every record due on or before {@code day}, cases first, then daily recordings; none withheld yet but the records
	 * of an archived file that is not wholly due.
	 */
	List<DueRecord> dueBy(LocalDate day) {
		var due = new ArrayList<DueRecord>();
		CaseId after = null;
		List<CaseId> ids;
		do {
			// only a closed case's records can be due (ART-16 counts from the closing or the archiving)
			ids = outlines.closedIdsAfter(after, PAGE);
			for (var id : ids) {
				var c = cases.require(id);
				if (c.status() == Case.Status.CLOSED) {
					ofCase(c, day, due);
				}
			}
			after = ids.isEmpty() ? null : ids.get(ids.size() - 1);
		}
		while (ids.size() == PAGE);
		dailyRecordings(day, due);
		return due;
	}

	private void ofCase(Case c, LocalDate day, List<DueRecord> due) {
		var row = plan.categoryOf(c);
		if (row.period().permanent()) {
			return;
		}
		var archive = archives.archived(c.id()) ? archives.byCase(c.id()).orElse(null) : null;
		if (archive != null && archive.disposedOf()) {
			return;
		}
		var archivedOn = row.cutOff() == CutOff.ARCHIVED && archive != null
				? LocalDate.ofInstant(archive.archivedAt(), time.zone())
				: null;
		var cutOff = cutOffOf(row.cutOff(), c.closedOn(), archivedOn);
		if (cutOff == null) {
			return;
		}
		var dueOn = row.period().dueOn(cutOff).orElseThrow();
		if (dueOn.isAfter(day)) {
			return;
		}
		var found = new ArrayList<DueRecord>();
		for (var d : documents.documents(c.id())) {
			var blobs = d.versions().stream()
				.map(v -> new DueRecord.Blob(v.number() == 1 ? "ORIGINAL" : "VERSION-" + v.number(), v.digest()))
				.toList();
			found.add(new DueRecord(RecordRef.document(d.id().id()), c.id(), c.caseNumber().value(), d.title(),
					row.period(), cutOff, dueOn, blobs, null));
		}
		// ART-16.3: a case's recordings are filed with its file and kept as long as it, never shorter than a day's
		var recordingPeriod = plan.periodOfRecording(c);
		var recordingDue = recordingPeriod.dueOn(cutOff);
		var recordings = recordingsOf(c.id(), null);
		var recordingsDue = recordingDue.isPresent() && !recordingDue.get().isAfter(day);
		if (recordingsDue) {
			for (var r : recordings) {
				found.add(recording(r, c, recordingPeriod, cutOff, recordingDue.get()));
			}
		}
		if (archive != null && (!recordingsDue && !recordings.isEmpty() || archive.dueOn() == null
				|| archive.dueOn().isAfter(day))) {
			// ART-16 with ART-14: the archival packages hold every record of the file, so it goes whole or not at all
			found.replaceAll(r -> r.withheld(DueRecord.Withheld.FILE_KEPT));
		}
		due.addAll(found);
	}

	/**
	 * The day a case file's period runs from under its row's cut-off: the closing, or the archiving; null while that
	 * has not happened (a row counted from archiving has not begun for a file not archived yet).
	 */
	static @Nullable LocalDate cutOffOf(CutOff cutOff, @Nullable LocalDate closedOn, @Nullable LocalDate archivedOn) {
		return switch (cutOff) {
			case CASE_CLOSED -> closedOn;
			case ARCHIVED -> archivedOn;
			case RECORDED -> null;
		};
	}

	private void dailyRecordings(LocalDate day, List<DueRecord> due) {
		var period = plan.periodOfDailyRecording();
		if (period.permanent()) {
			return;
		}
		for (var r : recordingsOf(null, true)) {
			var cutOff = plan.dailyRecordingCutOff() == CutOff.RECORDED
					? LocalDate.ofInstant(r.current().startedAt(), time.zone())
					: LocalDate.ofInstant(r.uploadedAt(), time.zone());
			var dueOn = period.dueOn(cutOff).orElseThrow();
			if (!dueOn.isAfter(day)) {
				due.add(recording(r, null, period, cutOff, dueOn));
			}
		}
	}

	private DueRecord recording(Recording r, @Nullable Case c, RetentionPeriod period, LocalDate cutOff,
			LocalDate dueOn) {
		var blobs = new ArrayList<DueRecord.Blob>();
		blobs.add(new DueRecord.Blob("ORIGINAL", r.digest()));
		for (var made : derivatives.of(r.id())) {
			if (made.digest() != null) {
				blobs.add(new DueRecord.Blob(made.kind().name().toUpperCase(Locale.ROOT), made.digest()));
			}
		}
		return new DueRecord(RecordRef.recording(r.id().id()), c == null ? null : c.id(),
				c == null ? null : c.caseNumber().value(), r.originalName(), period, cutOff, dueOn, blobs, null);
	}

	private List<Recording> recordingsOf(@Nullable CaseId caseId, @Nullable Boolean unlinked) {
		var found = new ArrayList<Recording>();
		for (var page = 0;; page++) {
			var result = recordings.search(new RecordingQuery(caseId, unlinked, null, null, null, page, PAGE));
			found.addAll(result.items());
			if (result.items().size() < PAGE) {
				return found;
			}
		}
	}
}
