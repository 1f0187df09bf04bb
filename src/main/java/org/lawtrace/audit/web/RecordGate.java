package org.lawtrace.audit.web;

import java.util.List;
import java.util.UUID;

import org.lawtrace.recordings.RecordingCatalog;
import org.lawtrace.recordings.RecordingId;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.RecordAccess;
import org.lawtrace.shared.RecordHolder;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.staff.StaffDirectory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * ART-20: a record's chain of custody is its metadata. Whoever may not see the record's metadata gets the same 404
 * for its audit entries as for an id that names nothing, so the log neither shows nor confirms it.
 */
@Component
class RecordGate {

	private final RecordingCatalog recordings;
	private final List<RecordHolder> holders;
	private final RecordAccess access;
	private final StaffDirectory staff;

	RecordGate(RecordingCatalog recordings, List<RecordHolder> holders, RecordAccess access, StaffDirectory staff) {
		this.recordings = recordings;
		this.holders = holders;
		this.access = access;
		this.staff = staff;
	}

	void requireVisible(String subjectType, String subjectId, Authentication caller) {
		if (!"RECORDING".equals(subjectType) && !"DOCUMENT".equals(subjectType)) {
			return;
		}
		UUID id;
		try {
			id = UUID.fromString(subjectId);
		}
		catch (IllegalArgumentException e) {
			throw new NotFound(subjectType.toLowerCase(java.util.Locale.ROOT), subjectId);
		}
		if ("RECORDING".equals(subjectType)) {
			// the recordings module logs the refusal and knows who made the recording
			recordings.requireVisible(new RecordingId(id), caller.getName());
			return;
		}
		var viewer = staff.require(caller.getName()).id();
		var placement = holders.stream().filter(h -> h.kind() == RecordRef.Kind.DOCUMENT)
			.flatMap(h -> h.find(id).stream()).findFirst();
		if (placement.isEmpty()
				|| !access.maySeeMetadata(viewer, placement.get().record(), placement.get().caseId(), false)) {
			throw new NotFound("document", id);
		}
	}
}
