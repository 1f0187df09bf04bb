package org.lawtrace.recordings;

import java.util.Optional;
import java.util.UUID;

import org.lawtrace.shared.RecordHolder;
import org.lawtrace.shared.RecordRef;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the access module which recordings exist and which case each is linked to now. */
@Component
@Transactional(readOnly = true)
class RecordingHolder implements RecordHolder {

	private final Recordings recordings;

	RecordingHolder(Recordings recordings) {
		this.recordings = recordings;
	}

	@Override
	public RecordRef.Kind kind() {
		return RecordRef.Kind.RECORDING;
	}

	@Override
	public Optional<Placement> find(UUID id) {
		return recordings.byId(new RecordingId(id))
			.map(r -> new Placement(RecordRef.recording(id), r.current().caseId()));
	}
}
