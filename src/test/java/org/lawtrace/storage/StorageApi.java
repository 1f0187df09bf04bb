package org.lawtrace.storage;

import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;

/**
 * The JSON contract of the storage oversight API ({@code /api/v1/storage/...}, {@code /api/v1/integrity/alarms}) as
 * the tests pin it, independently of the production classes: field names exactly as on the wire, ids and times as the
 * strings answered.
 */
public final class StorageApi {

	public static final ParameterizedTypeReference<List<Alarm>> ALARMS = new ParameterizedTypeReference<>() {
	};

	private StorageApi() {
	}

	/** GET /api/v1/storage/fixity: the fixity audit's current cycle (固定性校验). */
	public record FixityStatus(String now, boolean enabled, boolean replicaConfigured, String cycleStart, long copies,
			long copiesCheckedThisCycle, long neverChecked, String oldestCheck, long knownBad, Counts thisCycle,
			Map<String, Counts> byCopy, LastRun lastRun) {
	}

	/** Checks of a copy or of a cycle, by their result. */
	public record Counts(long checked, long passed, long failed, long missing, long repaired) {
	}

	/** The fixity audit's last run. */
	public record LastRun(String startedAt, String finishedAt, int checked, long bytesRead, long budget) {
	}

	/** An integrity alarm (完整性告警), open until acknowledged. */
	public record Alarm(String id, String raisedAt, String kind, String subjectType, String subjectId, String detail,
			String acknowledgedAt, String acknowledgedBy, String note) {
	}

	/** POST /api/v1/integrity/alarms/{id}/acknowledgement: what was done about the alarm. */
	public record Acknowledgement(String note) {
	}

	/** GET /api/v1/storage/reconciliation: the store reconciled with the records. */
	public record ReconciliationReport(String checkedAt, int storedBlobs, int referencedBlobs, List<String> unreferenced,
			List<MissingBlob> missing) {
	}

	/** A blob records name that the store lacks, with who names it. */
	public record MissingBlob(String sha256, List<String> namedBy) {
	}

	/** GET /api/v1/storage/replication: the replication queue and the metadata exports. */
	public record ReplicationState(boolean configured, String replicaKind, String schedule, String window,
			boolean copyingNow, long blobs, long verified, long pending, long failing, String oldestPendingSince,
			String lastVerifiedAt, List<ReplicationFailure> failures, Export lastExport, Export lastGoodExport,
			boolean sm3ReadBack) {
	}

	/** A blob whose copy to the replica keeps failing. */
	public record ReplicationFailure(String sha256, int attempts, String lastError, String failedAt,
			String nextAttemptAt) {
	}

	/** A metadata export. */
	public record Export(String id, String startedAt, String finishedAt, String name, String sha256, String sm3,
			Long sizeBytes, Integer tables, Long rows, String error) {
	}
}
