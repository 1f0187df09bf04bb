package org.lawtrace.recordings;

import org.lawtrace.storage.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Computes each new recording's SM3 digest right after it is stored, from the stored bytes: uploads then run at
 * the speed of SHA-256 and the disk, not of SM3, and the re-read is also the original's first fixity check.
 * Recordings left without SM3 by a crash are caught up at start.
 */
@Component
class Sm3Completion {

	private static final Logger log = LoggerFactory.getLogger(Sm3Completion.class);

	private final Recordings recordings;
	private final BlobStore store;

	Sm3Completion(Recordings recordings, BlobStore store) {
		this.recordings = recordings;
		this.store = store;
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

	private void complete(RecordingId id, org.lawtrace.shared.ContentDigest digest) {
		var full = store.withSm3(digest);
		recordings.recordSm3(id, full.sm3());
	}
}
