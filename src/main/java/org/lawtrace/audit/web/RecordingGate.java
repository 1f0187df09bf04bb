package org.lawtrace.audit.web;

import java.util.UUID;

import org.lawtrace.recordings.RecordingCatalog;
import org.lawtrace.recordings.RecordingId;
import org.lawtrace.shared.NotFound;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * ART-20: a recording's chain of custody is its metadata. Whoever may not see the recording's metadata gets the
 * same 404 for its audit entries as for an id that names nothing, so the log neither shows nor confirms it.
 */
@Component
class RecordingGate {

	private final RecordingCatalog recordings;

	RecordingGate(RecordingCatalog recordings) {
		this.recordings = recordings;
	}

	void requireVisible(String subjectType, String subjectId, Authentication caller) {
		if (!"RECORDING".equals(subjectType)) {
			return;
		}
		UUID id;
		try {
			id = UUID.fromString(subjectId);
		}
		catch (IllegalArgumentException e) {
			throw new NotFound("recording", subjectId);
		}
		recordings.requireVisible(new RecordingId(id), caller.getName());
	}
}
