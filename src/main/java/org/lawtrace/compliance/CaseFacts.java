package org.lawtrace.compliance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.CaseKind;
import org.lawtrace.cases.StageKind;
import org.lawtrace.documents.ConfirmationRule;
import org.lawtrace.documents.Direction;
import org.lawtrace.documents.ServiceMethod;
import org.lawtrace.recordings.DeviceFinding;
import org.lawtrace.recordings.RecordingKind;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StageId;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;

/**
 * What the rules look at for one case, loaded in bulk for many cases at a time: its stages, its recordings (current
 * revision), the approved exemptions and the opening/closing bookmarks. Plain data, so the rules run without
 * Spring or a database.
 */
record CaseFacts(CaseId id, CaseKind kind, UnitId unit, List<StaffId> handlers, boolean hasParty, Instant openedAt,
		List<StageFacts> stages, List<RecordingFacts> recordings, Map<StageId, String> exemptions,
		Map<UUID, Set<BookmarkKind>> bookmarks, List<DocumentFacts> documents) {

	record StageFacts(StageId id, StageKind kind, Instant start, @Nullable Instant end, List<StaffId> present) {
	}

	record RecordingFacts(UUID id, RecordingKind kind, StaffId recordedBy, @Nullable String deviceSerial,
			Instant start, Instant end, Instant uploadedAt, @Nullable DeviceFinding deviceFinding,
			List<StageId> stageIds) {

		boolean continuous() {
			return kind != RecordingKind.PHOTO;
		}
	}

	/**
	 * A text record (文字记录) as the documents module summarises it: whether its current version has every
	 * confirmation its kind needs, what it lacks, and its services.
	 */
	record DocumentFacts(UUID id, String kindCode, Direction direction, @Nullable StageId stageId, StaffId madeBy,
			Instant madeAt, int version, boolean effective, Set<ConfirmationRule> missing,
			List<ServiceFacts> services, String kindName) {

		/** A document whose kind is named by its code alone. */
		DocumentFacts(UUID id, String kindCode, Direction direction, @Nullable StageId stageId, StaffId madeBy,
				Instant madeAt, int version, boolean effective, Set<ConfirmationRule> missing,
				List<ServiceFacts> services) {
			this(id, kindCode, direction, stageId, madeBy, madeAt, version, effective, missing, services, kindCode);
		}
	}

	record ServiceFacts(UUID id, ServiceMethod method, Instant servedAt, @Nullable UUID recordingId) {
	}

	CaseFacts withDocuments(List<DocumentFacts> documents) {
		return new CaseFacts(id, kind, unit, handlers, hasParty, openedAt, stages, recordings, exemptions, bookmarks,
				documents);
	}

	List<RecordingFacts> of(StageFacts stage) {
		return recordings.stream().filter(r -> r.stageIds().contains(stage.id())).toList();
	}
}
