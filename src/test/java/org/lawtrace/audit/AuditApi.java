package org.lawtrace.audit;

import java.util.List;
import java.util.Map;

/**
 * The JSON contract of the audit API ({@code /api/v1/audit/...}) as the tests pin it, independently of the
 * production classes: field names exactly as on the wire, times as the strings answered.
 */
public final class AuditApi {

	private AuditApi() {
	}

	/** GET /api/v1/audit/verification as {@code who}. */
	public static LogVerification verification(int port, String who) {
		return org.lawtrace.Api.as(port, who).get().uri("/api/v1/audit/verification").exchange().expectStatus().isOk()
			.returnResult(LogVerification.class).getResponseBody();
	}

	/**
	 * Waits until the log stops growing: entries written after commit arrive a moment later, and a test that
	 * tampers with the log, or counts it, must wait until nothing more is being written.
	 */
	public static void awaitQuiet(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		var last = new long[] { -1 };
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
			.pollInterval(java.time.Duration.ofMillis(300)).until(() -> {
				var now = jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
				var quiet = now == last[0];
				last[0] = now;
				return quiet;
			});
	}

	/** One entry of the audit log (审计日志). */
	public record EntryView(long seq, String at, String actor, String action, String subjectType, String subjectId,
			String outcome, String detail, String leafHash) {
	}

	/** A page of GET /api/v1/audit/entries. */
	public record EntryPage(List<EntryView> items, long total, int page, int size) {
	}

	/** GET /api/v1/audit/verification: the log recomputed, its checkpoints and its anchors checked. */
	public record LogVerification(long entries, String root, boolean verified, Long firstMismatch, String reason,
			int checkpoints, boolean checkpointsVerified, Anchoring anchoring) {
	}

	/** The log checked against the anchors kept outside the database. */
	public record Anchoring(boolean checked, int anchors, long anchoredEntries, long beyondLastAnchor,
			List<Finding> findings, long moreFindings) {
	}

	/** Something an anchor check found. */
	public record Finding(String kind, Long fromSeq, Long toSeq, String detail) {
	}

	/** A signed checkpoint of the log's Merkle tree. */
	public record Checkpoint(long treeSize, String rootHash, String signedAt, String algorithm, String signature) {
	}

	/** GET /api/v1/audit/entries/{seq}/proof: an entry's inclusion proof. */
	public record InclusionProof(long seq, String leafHash, long treeSize, String root, List<String> path,
			Checkpoint checkpoint) {
	}

	/** GET /api/v1/audit/records-verification: the records checked against what the log says of them. */
	public record RecordsCheck(String startedAt, String finishedAt, long recordingsChecked, long documentsChecked,
			long differingRecords, long differencesTotal, List<Difference> differences, Map<String, Long> notProvable) {
	}

	/** A field where a record and the log disagree. */
	public record Difference(String subjectType, String subjectId, String field, String logSays, String tableSays) {
	}
}
