package org.lawtrace.retention;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON contract of the retention API ({@code /api/v1/retention}) as the tests pin it, independently of the
 * production classes: long-term marks, holds, the due list, dispositions.
 */
public final class RetentionApi {

	private RetentionApi() {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record NewMark(String subjectType, String subjectId, String situation, String reason) {
	}

	public record Decision(boolean approve, String note) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record NewHold(String subjectType, String subjectId, String kind, String reason) {
	}

	public record Release(String reason) {
	}

	public record SubjectView(String type, String id) {
	}

	public record MarkView(String id, SubjectView subject, String caseId, String situation, String reason,
			String requestedBy, String requestedAt, String status, String decidedBy, String decidedAt) {
	}

	public record HoldView(String id, SubjectView subject, String caseId, String kind, String reason, String placedBy,
			String placedAt, String releasedBy, String releasedAt, String releaseReason) {
	}

	public record BlobView(String role, String sha256, String sm3, long sizeBytes) {
	}

	public record DueView(String kind, String id, String caseId, String caseNumber, String title, String period,
			String periodName, String cutOff, String dueOn, List<BlobView> blobs, String withheld) {
	}

	public record Chosen(String kind, String id) {
	}

	public record NewDisposition(List<Chosen> records) {
	}

	public record NewAppraisal(String role, boolean agrees, String opinion) {
	}

	public record RecordRefView(String kind, String id) {
	}

	public record DigestView(String sha256, String sm3, long sizeBytes) {
	}

	public record ItemView(int position, RecordRefView record, String archiveId, String caseId, String caseNumber, String title,
			String period, String cutOff, String dueOn, String blobRole, DigestView digest, String primaryOutcome,
			String replicaOutcome, String outcomeDetail, String destroyedAt) {
	}

	public record AppraisalView(String id, String role, boolean agrees, String opinion, String givenBy, String givenAt) {
	}

	public record DispositionView(String id, String registerNumber, String dueMonth, String proposedBy,
			String proposedAt, String status, String decidedBy, String decidedAt, String decisionNote,
			String carriedOutBy, String carriedOutAt, List<ItemView> items, List<AppraisalView> appraisals) {
	}
}
