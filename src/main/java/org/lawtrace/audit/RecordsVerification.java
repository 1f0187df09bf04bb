package org.lawtrace.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The outcome of checking every recording's and document's rows against what the audit log says of them (ART-22,
 * issue 12): how many were checked, every row that differs and how, and how many facts the log could not prove
 * because older entries did not state them.
 *
 * @param differingRecords records (recordings and documents) with at least one difference.
 * @param differences each difference, at most {@link RecordsVerifier#MAX_LISTED}; {@code differencesTotal} counts all.
 * @param notProvable per fact ({@code RECORDING sm3}, ...), how many rows' values the log does not state.
 */
public record RecordsVerification(Instant startedAt, Instant finishedAt, long recordingsChecked,
		long documentsChecked, long differingRecords, long differencesTotal, List<Difference> differences,
		Map<String, Long> notProvable) {

	public RecordsVerification {
		differences = List.copyOf(differences);
		notProvable = Map.copyOf(notProvable);
	}

	/** Whether every row agrees with the log, as far as the log states it. */
	public boolean clean() {
		return differencesTotal == 0;
	}

	/**
	 * One way a row differs from the log.
	 *
	 * @param subjectType {@code RECORDING} or {@code DOCUMENT}, as audit entries name them.
	 * @param field what differs: {@code sha256}, {@code size}, {@code sm3}, {@code case}, {@code recordedBy} (with the
	 *        revision or version, e.g. {@code case@v2}), or {@code row} / {@code revision@v3} for one present on
	 *        one side only.
	 */
	public record Difference(String subjectType, String subjectId, String field, String logSays, String tableSays) {

		public String line() {
			return subjectType + " " + subjectId + " " + field + ": log says " + logSays + ", table says " + tableSays;
		}
	}

	/** What {@code verify-records} prints. */
	public String report() {
		var out = new StringBuilder();
		if (clean()) {
			out.append("OK: ").append(recordingsChecked).append(" recordings and ").append(documentsChecked)
				.append(" documents agree with the audit log");
		}
		else {
			out.append("FAILED: ").append(differingRecords).append(" record(s) differ from the audit log (")
				.append(recordingsChecked).append(" recordings and ").append(documentsChecked)
				.append(" documents checked, ").append(differencesTotal).append(" difference(s))");
			differences.forEach(d -> out.append('\n').append(d.line()));
			if (differencesTotal > differences.size()) {
				out.append("\n... and ").append(differencesTotal - differences.size()).append(" more");
			}
		}
		if (!notProvable.isEmpty()) {
			out.append("\nNot provable from the log (older entries do not state it): ")
				.append(notProvable.entrySet().stream().sorted(Map.Entry.comparingByKey())
					.map(e -> e.getKey() + " of " + e.getValue() + " row(s)").collect(Collectors.joining(", ")));
		}
		return out.toString();
	}
}
