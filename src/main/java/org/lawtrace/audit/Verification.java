package org.lawtrace.audit;

import org.jspecify.annotations.Nullable;

/**
 * What recomputing the log found: the number of entries and their root, the first entry that does not match (and
 * why), whether every checkpoint's signature and root hold, and what checking the log against the anchors kept
 * outside the database found ({@code anchoring}).
 */
public record Verification(long entries, String root, boolean verified, @Nullable Long firstMismatch, String reason,
		int checkpoints, boolean checkpointsVerified, AnchorVerification anchoring) {

	/** A log checked from its rows and the database's checkpoints alone. */
	public Verification(long entries, String root, boolean verified, @Nullable Long firstMismatch, String reason,
			int checkpoints, boolean checkpointsVerified) {
		this(entries, root, verified, firstMismatch, reason, checkpoints, checkpointsVerified, AnchorVerification.none());
	}

	/**
	 * This verification with the anchors' findings added: an entry the anchors name makes the log not verified, a
	 * bad or missing anchor makes its checkpoints not verified.
	 */
	Verification with(AnchorVerification anchors) {
		var first = firstMismatch;
		var why = reason;
		var entriesHold = verified && anchors.entriesHold();
		var anchorFirst = anchors.firstEntry();
		if (anchorFirst != null && (first == null || anchorFirst < first)) {
			first = anchorFirst;
			why = anchors.findings().stream().filter(AnchorVerification.Finding::aboutEntries)
				.filter(f -> anchorFirst.equals(f.fromSeq())).findFirst().map(AnchorVerification.Finding::line)
				.orElse(why);
		}
		else if (verified && !anchors.verified()) {
			why = anchors.findings().get(0).line();
		}
		return new Verification(entries, root, entriesHold, first, why, checkpoints,
				checkpointsVerified && anchors.anchorsHold(), anchors);
	}

	/** Whether everything holds: the rows, the database's checkpoints and the anchors outside it. */
	public boolean holds() {
		return verified && checkpointsVerified && anchoring.verified();
	}

	/** One line for an operator's terminal, then one per finding of the anchors. */
	public String report() {
		var anchored = anchoring.anchors() + (anchoring.anchors() == 1 ? " anchor" : " anchors")
				+ " outside the database " + (anchoring.anchors() == 1 ? "covers" : "cover") + " the first " + anchoring.anchoredEntries() + " entries; "
				+ anchoring.beyondLastAnchor() + (anchoring.beyondLastAnchor() == 1 ? " entry lies" : " entries lie")
				+ " beyond the last anchor" + anchoring.timestamps().clause();
		if (holds()) {
			return "OK: " + entries + (entries == 1 ? " entry" : " entries") + ", root " + root + ", " + checkpoints
					+ (checkpoints == 1 ? " checkpoint" : " checkpoints") + " signed and matching"
					+ (anchoring.checked() ? "; " + anchored : "");
		}
		var out = new StringBuilder("FAILED" + (firstMismatch == null ? "" : " at entry " + firstMismatch) + ": "
				+ reason);
		if (anchoring.checked()) {
			out.append("\n").append(entries).append(" entries in the database; ").append(anchored);
		}
		for (var finding : anchoring.findings()) {
			out.append("\n  ").append(finding.line());
		}
		if (anchoring.moreFindings() > 0) {
			out.append("\n  ... and ").append(anchoring.moreFindings()).append(" more");
		}
		return out.toString();
	}
}
