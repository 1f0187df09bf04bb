package org.lawtrace.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What checking the database's log against the anchors outside it found (ART-22): how many anchors, how many
 * entries they cover, how many lie beyond the last one, and every difference, each naming the entries it concerns.
 */
public record AnchorVerification(boolean checked, int anchors, long anchoredEntries, long beyondLastAnchor,
		List<Finding> findings, long moreFindings, Timestamping timestamps) {

	/** Nothing checked: a log verified from its rows alone. */
	static AnchorVerification none() {
		return new AnchorVerification(false, 0, 0, 0, List.of(), 0, new Timestamping(false, 0, List.of()));
	}

	/**
	 * The anchors' RFC 3161 timestamps (issue 12): how many have a token that holds, and which (by tree size) have
	 * none yet because the TSA could not be reached; a token that does not hold is a {@code TIMESTAMP_INVALID}
	 * finding. {@code expected} when a TSA is configured or any anchor has a token.
	 */
	public record Timestamping(boolean expected, int timestamped, List<Long> untimestamped) {

		/** One clause for verify-log's output, or empty when timestamps are not in use. */
		String clause() {
			if (!expected) {
				return "";
			}
			var all = timestamped + untimestamped.size();
			var out = new StringBuilder("; ").append(timestamped).append(" of ").append(all)
				.append(all == 1 ? " anchor" : " anchors").append(" timestamped (RFC 3161)");
			if (!untimestamped.isEmpty()) {
				out.append(", ").append(untimestamped.size()).append(" untimestamped (TSA unreachable so far, retried): ")
					.append(untimestamped.size() == 1 ? "size " : "sizes ");
				out.append(String.join(", ", untimestamped.stream().limit(20).map(String::valueOf).toList()));
				if (untimestamped.size() > 20) {
					out.append(", ...");
				}
			}
			return out.toString();
		}
	}

	/**
	 * One difference. {@code kind} is a stable code: {@code ENTRY_MISSING} (rows removed), {@code ENTRY_REWRITTEN}
	 * (the row's leaf hash differs from the anchored one: rewritten with its hash recomputed), {@code ENTRY_CHANGED}
	 * (the row no longer matches its own leaf hash), {@code ROOT_DIFFERS}, {@code ANCHOR_SIGNATURE},
	 * {@code ANCHOR_KEY}, {@code ANCHOR_CERTIFICATE} (the token's certificate recorded with an anchor does not hold
	 * its key, or was not valid when it signed), {@code ANCHOR_MISSING}, {@code ANCHOR_INCONSISTENT},
	 * {@code ANCHOR_UNREADABLE}, {@code TIMESTAMP_INVALID} (an anchor's RFC 3161 token does not hold).
	 *
	 * @param fromSeq the first entry concerned, or null when the finding is about an anchor alone.
	 * @param toSeq the last entry concerned (inclusive), or null.
	 */
	public record Finding(String kind, @Nullable Long fromSeq, @Nullable Long toSeq, String detail) {

		boolean aboutEntries() {
			return kind.startsWith("ENTRY_") || "ROOT_DIFFERS".equals(kind);
		}

		public String line() {
			var where = fromSeq == null ? "" : toSeq == null || toSeq.equals(fromSeq) ? "entry " + fromSeq + ": "
					: "entries " + fromSeq + "-" + toSeq + " (" + (toSeq - fromSeq + 1) + "): ";
			return kind + " " + where + detail;
		}
	}

	/** Whether every anchored entry is in the database as anchored. */
	public boolean entriesHold() {
		return findings.stream().noneMatch(Finding::aboutEntries);
	}

	/** Whether every anchor is there, readable, signed by the log's key and consistent with the one before. */
	public boolean anchorsHold() {
		return findings.stream().allMatch(Finding::aboutEntries);
	}

	public boolean verified() {
		return findings.isEmpty();
	}

	@Nullable
	Long firstEntry() {
		return findings.stream().filter(Finding::aboutEntries).map(Finding::fromSeq).filter(s -> s != null)
			.min(Long::compare).orElse(null);
	}
}
