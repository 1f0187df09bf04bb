package org.lawtrace.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.StaffId;

/**
 * An optical disc for long-term preservation (长期保存光盘, ART-17) as the register knows it: its label, the image kept
 * whole in the write-once store (its SHA-256 is the disc's content digest), who made it with what, and, once the
 * custodian has recorded it, when it was burned, by whom and where it is kept, and when it was last read back.
 */
public record Disc(UUID id, String label, ContentDigest image, String listSha256, StaffId madeBy, Instant madeAt,
		String madeWith, @Nullable LocalDate burnedOn, @Nullable StaffId burnedBy, @Nullable String location,
		@Nullable LocalDate lastCheckedOn, @Nullable Boolean lastCheckPassed) {

	public boolean burned() {
		return burnedOn != null;
	}

	/** The day the yearly re-check falls due: a year after the last read-back, or after burning; none before. */
	public @Nullable LocalDate recheckDue(Period every) {
		var from = lastCheckedOn != null ? lastCheckedOn : burnedOn;
		return from == null ? null : from.plus(every);
	}

	public boolean recheckDueOn(LocalDate today, Period every) {
		var due = recheckDue(every);
		return due != null && !today.isBefore(due);
	}

	/** The volume id written into the image: ISO 9660 allows capitals, digits and underscores only. */
	static String volumeId(String label) {
		return label.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
	}

	/** A package on the disc, where it lies in the image, and its digests. */
	public record Item(int position, String sourceKind, String sourceId, String title, String nameInImage,
			ContentDigest digest) {
	}

	/** A read-back of the disc: who checked it, when, the image as read, the verdict and what failed. */
	public record Check(UUID id, Instant checkedAt, StaffId checkedBy, @Nullable String imageSha256,
			@Nullable Boolean imageMatches, boolean passed, String findings, String source) {
	}
}
