package org.lawtrace.recordings;

import org.lawtrace.shared.AuditTrail;
import org.lawtrace.shared.Audited;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.StaffId;
import org.lawtrace.storage.BlobStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes each new recording's SM3 digest right after it is stored, from the stored bytes: uploads then run at
 * the speed of SHA-256 and the disk, not of SM3, and the re-read is also the original's first fixity check.
 * Recordings left without SM3 by a crash are caught up at start. The digest is logged (SM3_RECORDED) in the
 * transaction that stores it, so the row's {@code sm3} can be checked against the log (ART-22, issue 12).
 */
@Component
class Sm3Completion {

	private static final Logger log = LoggerFactory.getLogger(Sm3Completion.class);

	private final Recordings recordings;
	private final BlobStore store;
	private final AuditTrail trail;
	private final TransactionTemplate transactions;

	Sm3Completion(Recordings recordings, BlobStore store, AuditTrail trail, TransactionTemplate transactions) {
		this.recordings = recordings;
		this.store = store;
		this.trail = trail;
		this.transactions = transactions;
	}

	@ApplicationModuleListener
	void on(RecordingIngested event) {
		complete(event.recordingId(), event.digest());
	}

	@EventListener(ApplicationReadyEvent.class)
	void catchUp() {
		var waiting = recordings.awaitingSm3();
		if (!waiting.isEmpty()) {
			log.info("Computing SM3 for {} recording(s) stored before a restart", waiting.size());
		}
		waiting.forEach(r -> complete(r.id(), r.digest()));
	}

	private void complete(RecordingId id, ContentDigest digest) {
		var full = store.withSm3(digest);
		transactions.executeWithoutResult(status -> {
			if (recordings.recordSm3(id, full.sm3())) {
				trail.appendWithin(new Sm3Recorded(id, full));
			}
		});
	}

	/** What the stored bytes' SM3 is, as computed from them just after the commit. */
	private record Sm3Recorded(RecordingId id, ContentDigest digest) implements Audited {

		@Override
		public @Nullable StaffId actor() {
			return null;
		}

		@Override
		public String action() {
			return "SM3_RECORDED";
		}

		@Override
		public String subjectType() {
			return "RECORDING";
		}

		@Override
		public String subjectId() {
			return id.toString();
		}

		@Override
		public String details() {
			return "sha256=" + digest.sha256() + " size=" + digest.sizeBytes() + " sm3=" + digest.sm3();
		}
	}
}
