package org.lawtrace.compliance;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

/**
 * The compliance API's JSON contract as the tests see it (ART-03, ART-06), declared apart from the production
 * classes so that a change to the wire shows up here; with it, the few shapes of other modules' resources the
 * compliance tests send or read. Responses declare the fields the tests read; the client ignores the others.
 * Requests leave out what is null, as the maps they replace did.
 */
public final class ComplianceApi {

	private ComplianceApi() {
	}

	/** {@code POST /api/v1/compliance/recordings/{id}/bookmarks}: at an offset, or attested where none was filmed. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record NewBookmark(String kind, @Nullable Long offsetSeconds, @Nullable String attestation) {

		public static NewBookmark at(String kind, long offsetSeconds) {
			return new NewBookmark(kind, offsetSeconds, null);
		}

		public static NewBookmark attested(String kind, String attestation) {
			return new NewBookmark(kind, null, attestation);
		}
	}

	/** {@code POST /api/v1/cases/{id}/stages/{s}/exemptions}. */
	public record NewExemption(String reason) {
	}

	/** {@code POST /api/v1/compliance/exemptions/{id}/decision}. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Decision(boolean approve, @Nullable String note) {
	}

	/** {@code GET /api/v1/cases/{id}/compliance}: the case's light, its stages' and its own findings. */
	public record Checklist(String caseId, String light, String rulePackVersion, @Nullable OffsetDateTime evaluatedAt,
			List<StageChecks> stages, List<Finding> caseFindings) {

		public StageChecks stage(String stageId) {
			return stages.stream().filter(s -> s.stageId().equals(stageId)).findFirst().orElseThrow();
		}
	}

	/** One stage of a checklist. */
	public record StageChecks(String stageId, String kind, String light, List<Finding> open, List<Finding> resolved) {
	}

	/** A finding: the article it cites, how grave, of which record, and how it was resolved. */
	public record Finding(String article, String severity, @Nullable String recordKind, @Nullable String recordId,
			String detail, String rulePackVersion, @Nullable String resolution) {
	}

	/** What the tests read of a created resource (a stage, a recording, a document, an exemption). */
	public record Created(String id) {
	}

	/** {@code POST /api/v1/cases/{id}/stages}, the cases module's contract as far as these tests need it. */
	public record NewStage(String kind, OffsetDateTime startedAt, OffsetDateTime endedAt, List<String> present) {
	}

	/** {@code POST /api/v1/recordings/{id}/revisions}: filing a recording with a case. */
	public record CaseLink(String caseId, String reason) {
	}

	/** The metadata part of {@code POST /api/v1/documents}. */
	public record DocumentMetadata(String kind, String caseId, String title) {
	}

	/** {@code POST /api/v1/documents/{id}/confirmations}: the bureau's seal. */
	public record Seal(String kind, String role) {

		public static Seal bureau() {
			return new Seal("SEAL", "BUREAU");
		}
	}
}
