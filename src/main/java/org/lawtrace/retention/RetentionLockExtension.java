package org.lawtrace.retention;

import java.time.Clock;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.lawtrace.documents.DocumentCatalog;
import org.lawtrace.documents.DocumentId;
import org.lawtrace.recordings.Recording;
import org.lawtrace.recordings.RecordingCatalog;
import org.lawtrace.recordings.RecordingDerivatives;
import org.lawtrace.recordings.RecordingId;
import org.lawtrace.recordings.RecordingQuery;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.storage.RetentionLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * With an object store under Object Lock, a hold or an approved long-term mark extends the retention of every blob
 * it covers (ART-16, ART-17): a hold by {@code lawtrace.retention.hold-lock}, a long-term mark by
 * {@code lawtrace.retention.long-term-lock}, counted from now; COMPLIANCE retention only ever moves later, so a
 * released hold shortens nothing, and the application's own refusal to dispose of held or marked records does not
 * depend on it. Archiving locks the file's package version and the case's records until the file's period has
 * run out from its cut-off (a permanent file by {@code lawtrace.retention.long-term-lock} from now), so a blob a
 * disposition could not lawfully destroy yet cannot be deleted in the bucket either. On a filesystem store there is
 * nothing to set.
 */
@Component
class RetentionLockExtension {

	private static final Logger log = LoggerFactory.getLogger(RetentionLockExtension.class);
	private static final int PAGE = 200;

	private final RetentionLocks locks;
	private final RecordingCatalog recordings;
	private final RecordingDerivatives derivatives;
	private final DocumentCatalog documents;
	private final Clock clock;
	private final Period holdLock;
	private final Period longTermLock;
	private final Archives archives;
	private final ZoneId zone;

	RetentionLockExtension(RetentionLocks locks, RecordingCatalog recordings, RecordingDerivatives derivatives,
			DocumentCatalog documents, Clock clock, @Value("${lawtrace.retention.hold-lock:P5Y}") Period holdLock,
			@Value("${lawtrace.retention.long-term-lock:P100Y}") Period longTermLock, Archives archives,
			BureauTime time) {
		this.archives = archives;
		this.zone = time.zone();
		this.locks = locks;
		this.recordings = recordings;
		this.derivatives = derivatives;
		this.documents = documents;
		this.clock = clock;
		this.holdLock = holdLock;
		this.longTermLock = longTermLock;
	}

	@ApplicationModuleListener
	void on(RetentionEvents.HoldPlaced e) {
		extend(e.subject(), holdLock);
	}

	@ApplicationModuleListener
	void on(RetentionEvents.LongTermMarkDecided e) {
		if (e.approved()) {
			extend(e.subject(), longTermLock);
		}
	}

	/** ART-16: each package version (a later one too) and the case's records are kept for the file's period. */
	@ApplicationModuleListener
	void on(CaseArchived e) {
		archives.byId(e.archiveId()).ifPresent(this::lockArchived);
	}

	void lockArchived(ArchiveFile file) {
		var until = file.dueOn() != null ? file.dueOn().atStartOfDay(zone).toInstant()
				: clock.instant().atOffset(ZoneOffset.UTC).plus(longTermLock).toInstant();
		var blobs = new ArrayList<ContentDigest>();
		file.versions().forEach(v -> blobs.add(v.digest()));
		blobs.addAll(blobsOf(Subject.ofCase(file.caseId().id())));
		var set = 0;
		for (var digest : blobs) {
			set += locks.retainAtLeast(digest, until).stream().filter(RetentionLocks.Locked::set).count();
		}
		if (set > 0) {
			log.info("Object Lock retention of {} object(s) of archived file {} set to at least {}", set,
					file.archiveNumber(), until);
		}
	}

	void extend(Subject subject, Period by) {
		var until = clock.instant().atOffset(ZoneOffset.UTC).plus(by).toInstant();
		var set = 0;
		for (var digest : blobsOf(subject)) {
			set += locks.retainAtLeast(digest, until).stream().filter(RetentionLocks.Locked::set).count();
		}
		if (set > 0) {
			log.info("Object Lock retention of {} object(s) of {} extended to at least {}", set, subject, until);
		}
	}

	List<ContentDigest> blobsOf(Subject subject) {
		var blobs = new ArrayList<ContentDigest>();
		switch (subject.type()) {
			case CASE -> {
				var caseId = new CaseId(subject.id());
				documents.documents(caseId).forEach(d -> d.versions().forEach(v -> blobs.add(v.digest())));
				for (var page = 0;; page++) {
					var found = recordings.search(new RecordingQuery(caseId, null, null, null, null, page, PAGE));
					found.items().forEach(r -> addRecording(r, blobs));
					if (found.items().size() < PAGE) {
						break;
					}
				}
			}
			case RECORDING -> addRecording(recordings.require(new RecordingId(subject.id())), blobs);
			case DOCUMENT -> documents.require(new DocumentId(subject.id())).versions().forEach(v -> blobs.add(v.digest()));
		}
		return blobs;
	}

	private void addRecording(Recording r, List<ContentDigest> blobs) {
		blobs.add(r.digest());
		derivatives.of(r.id()).stream().filter(d -> d.digest() != null).forEach(d -> blobs.add(d.digest()));
	}
}
