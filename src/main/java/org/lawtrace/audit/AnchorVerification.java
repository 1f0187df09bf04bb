package org.lawtrace.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What checking the database's log against the anchors outside it found (ART-22): how many anchors, how many
 * entries they cover, how many lie beyond the last one, and every difference, each naming the entries it concerns.
 */
public record AnchorVerification(boolean checked, int anchors, long anchoredEntries, long beyondLastAnchor,
		List<Finding> findings, long moreFindings) {

	/** Nothing checked: a log verified from its rows alone. */
	static AnchorVerification none() {
		return new AnchorVerification(false, 0, 0, 0, List.of(), 0);
	}

	/**
	 * One difference. {@code kind} is a stable code: {@code ENTRY_MISSING} (rows removed), {@code ENTRY_REWRITTEN}
	 * (the row's leaf hash differs from the anchored one: rewritten with its hash recomputed), {@code ENTRY_CHANGED}
	 * (the row no longer matches its own leaf hash), {@code ROOT_DIFFERS}, {@code ANCHOR_SIGNATURE},
	 * {@code ANCHOR_KEY}, {@code ANCHOR_MISSING}, {@code ANCHOR_INCONSISTENT}, {@code ANCHOR_UNREADABLE}.
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
