package org.lawtrace.recordings;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON contract of the recordings API ({@code /api/v1/recordings}, {@code /api/v1/corrections}) as the tests pin
 * it, independently of the production classes: field names exactly as on the wire, ids and times as the strings sent
 * and answered. Request bodies leave out what is {@code null}, as a client that does not send a field would.
 */
public final class RecordingApi {

	private RecordingApi() {
	}

	/** The {@code metadata} part of a multipart upload, and of an import (ART-15.1). */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record UploadMetadata(String recordedBy, String deviceSerial, String startedAt, String endedAt,
			String caseId, List<String> stageIds, String sha256) {

		/** Names no recorder: the uploader, or the device's holder for a station, is taken to be it. */
		public static UploadMetadata unnamed() {
			return new UploadMetadata(null, null, null, null, null, null, null);
		}

		/** Recorded by {@code username}; everything else read from the file. */
		public static UploadMetadata by(String username) {
			return new UploadMetadata(username, null, null, null, null, null, null);
		}

		public UploadMetadata device(String deviceSerial) {
			return new UploadMetadata(recordedBy, deviceSerial, startedAt, endedAt, caseId, stageIds, sha256);
		}

		public UploadMetadata startedAt(String startedAt) {
			return new UploadMetadata(recordedBy, deviceSerial, startedAt, endedAt, caseId, stageIds, sha256);
		}

		public UploadMetadata endedAt(String endedAt) {
			return new UploadMetadata(recordedBy, deviceSerial, startedAt, endedAt, caseId, stageIds, sha256);
		}

		public UploadMetadata inCase(String caseId, String... stageIds) {
			return new UploadMetadata(recordedBy, deviceSerial, startedAt, endedAt, caseId,
					stageIds.length == 0 ? null : List.of(stageIds), sha256);
		}

		public UploadMetadata sha256(String sha256) {
			return new UploadMetadata(recordedBy, deviceSerial, startedAt, endedAt, caseId, stageIds, sha256);
		}
	}

	/**
	 * POST /api/v1/recordings/{id}/revisions: a change that is no correction (link to an open case, device, stages),
	 * or an attempted one the API refuses naming the field.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Revision(String caseId, List<String> stageIds, Boolean unlink, String recordedBy,
			String deviceSerial, String startedAt, String endedAt, String reason) {

		public static Revision because(String reason) {
			return new Revision(null, null, null, null, null, null, null, reason);
		}

		public Revision linking(String caseId, String... stageIds) {
			return new Revision(caseId, List.of(stageIds), unlink, recordedBy, deviceSerial, startedAt, endedAt,
					reason);
		}

		/** Into {@code caseId}, saying nothing of stages. */
		public Revision toCase(String caseId) {
			return new Revision(caseId, stageIds, unlink, recordedBy, deviceSerial, startedAt, endedAt, reason);
		}

		public Revision unlinking() {
			return new Revision(caseId, stageIds, true, recordedBy, deviceSerial, startedAt, endedAt, reason);
		}

		public Revision recordedBy(String recordedBy) {
			return new Revision(caseId, stageIds, unlink, recordedBy, deviceSerial, startedAt, endedAt, reason);
		}

		public Revision device(String deviceSerial) {
			return new Revision(caseId, stageIds, unlink, recordedBy, deviceSerial, startedAt, endedAt, reason);
		}

		public Revision startedAt(String startedAt) {
			return new Revision(caseId, stageIds, unlink, recordedBy, deviceSerial, startedAt, endedAt, reason);
		}
	}

	/** POST /api/v1/recordings/{id}/corrections: asks to correct recorder, times or case link (ART-14). */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record NewCorrection(String recordedBy, String startedAt, String endedAt, String caseId, Boolean unlink,
			String reason) {

		public static NewCorrection because(String reason) {
			return new NewCorrection(null, null, null, null, null, reason);
		}

		public NewCorrection recordedBy(String recordedBy) {
			return new NewCorrection(recordedBy, startedAt, endedAt, caseId, unlink, reason);
		}

		public NewCorrection unlinking() {
			return new NewCorrection(recordedBy, startedAt, endedAt, caseId, true, reason);
		}
	}

	/** A correction's approval or rejection: the reason as {@code reason} or {@code opinion}. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Decision(String reason, String opinion) {

		public static Decision reason(String reason) {
			return new Decision(reason, null);
		}
	}

	/** A member of staff as a recording names them. */
	public record Person(String username, String name) {
	}

	/** ART-15.2: what every listing of a linked recording shows. */
	public record Labels(String caseNumber, List<String> parties, List<String> handlers) {
	}

	/** ART-15.1: the upload deadline and how late the upload was. */
	public record Timeliness(String deadline, boolean onTime, long daysLate) {
	}

	/** One recording as GET /api/v1/recordings/{id} and an upload answer it. */
	public record RecordingView(String id, String kind, String kindName, String mediaType, String originalName,
			long sizeBytes, String sha256, String sm3, Person recordedBy, String deviceSerial, String startedAt,
			String endedAt, Double durationSeconds, String fileCreatedAt, Double latitude, Double longitude,
			Person uploadedBy, String uploadedAt, String channel, String caseId, List<String> stageIds, boolean linked,
			Labels labels, Timeliness timeliness, int version, String deviceFinding) {
	}

	/** A page of GET /api/v1/recordings. */
	public record RecordingPage(List<RecordingView> items, long total, int page, int size) {
	}

	/** One entry of GET /api/v1/recordings/{id}/revisions. */
	public record RevisionView(int version, Person recordedBy, String deviceSerial, String startedAt, String endedAt,
			String caseId, List<String> stageIds, Person changedBy, String changedAt, String reason,
			Person approvedBy) {
	}

	/** A case as a correction names it. */
	public record CaseRef(String id, String caseNumber) {
	}

	/** A correction request (更正申请) as the corrections API answers it. */
	public record CorrectionView(String id, String recordingId, String status, String statusName, CaseRef caseBefore,
			Person recordedBy, String startedAt, String endedAt, CaseRef caseId, boolean unlink, String reason,
			Person requestedBy, String requestedAt, Person decidedBy, String decidedAt, String opinion,
			Integer appliedVersion) {
	}

	/** One derivative of a recording (poster, playable copy): made, pending or failed with a reason. */
	public record DerivativeView(String kind, String kindName, String status, String mediaType, Long sizeBytes,
			String sha256, String sm3, String madeAt, String tool, String reason, String href) {
	}
}
