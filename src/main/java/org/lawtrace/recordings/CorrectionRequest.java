package org.lawtrace.recordings;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.StaffId;

/**
 * A correction request (更正申请): a change to a recording's recorder, times or case link asked for after it arrived,
 * with the reason, waiting for the deputy director in charge (the director for major cases) to decide it. An
 * approved one names the revision it became. Fields left {@literal null} are not to be changed.
 *
 * @param caseBefore the case the recording was in when the correction was asked for, or null
 * @param caseId the case to move it to, or null
 */
public record CorrectionRequest(CorrectionRequestId id, RecordingId recordingId, @Nullable CaseId caseBefore,
		@Nullable StaffId recordedBy, @Nullable Instant startedAt, @Nullable Instant endedAt, @Nullable CaseId caseId,
		boolean unlink, String reason, StaffId requestedBy, Instant requestedAt, Status status,
		@Nullable StaffId decidedBy, @Nullable Instant decidedAt, @Nullable String opinion,
		@Nullable Integer appliedVersion) {

	public enum Status {
		/** 待审批 */
		PENDING("待审批"),
		/** 已批准，已更正 */
		APPROVED("已批准"),
		/** 不予批准 */
		REJECTED("不予批准");

		private final String chineseName;

		Status(String chineseName) {
			this.chineseName = chineseName;
		}

		public String chineseName() {
			return chineseName;
		}
	}

	static CorrectionRequest asked(RecordingId recordingId, @Nullable CaseId caseBefore, @Nullable StaffId recordedBy,
			@Nullable Instant startedAt, @Nullable Instant endedAt, @Nullable CaseId caseId, boolean unlink,
			String reason, StaffId requestedBy, Instant at) {
		return new CorrectionRequest(CorrectionRequestId.random(), recordingId, caseBefore, recordedBy, startedAt,
				endedAt, caseId, unlink, reason, requestedBy, at, Status.PENDING, null, null, null, null);
	}

	CorrectionRequest approve(StaffId by, @Nullable String opinion, Instant at, int version) {
		requirePending();
		return new CorrectionRequest(id, recordingId, caseBefore, recordedBy, startedAt, endedAt, caseId, unlink,
				reason, requestedBy, requestedAt, Status.APPROVED, by, at, opinion, version);
	}

	CorrectionRequest reject(StaffId by, String opinion, Instant at) {
		requirePending();
		return new CorrectionRequest(id, recordingId, caseBefore, recordedBy, startedAt, endedAt, caseId, unlink,
				reason, requestedBy, requestedAt, Status.REJECTED, by, at, opinion, null);
	}

	/** The cases this correction touches: the one the recording was in and the one it is to move to. */
	java.util.List<CaseId> cases() {
		var cases = new java.util.ArrayList<CaseId>();
		if (caseBefore != null) {
			cases.add(caseBefore);
		}
		if (caseId != null && !caseId.equals(caseBefore)) {
			cases.add(caseId);
		}
		return cases;
	}

	private void requirePending() {
		if (status != Status.PENDING) {
			throw new Conflict("status", "该更正申请已处理 (the correction was already decided)");
		}
	}
}
