package org.lawtrace.recordings;

import java.time.Instant;

import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.StaffId;

/**
 * An audio-visual record (音像记录): the original file as stored (its digests, size, type and own metadata) and how
 * it arrived, which never change, with the current revision of what it records.
 */
public record Recording(RecordingId id, String originalName, ContentDigest digest, MediaFacts facts, StaffId uploadedBy,
		Instant uploadedAt, Channel channel, Revision current) {

	public RecordingKind kind() {
		return facts.kind();
	}

	/**
	 * Whether {@code staff} is close enough to this recording to revise it: its uploader, its recorder or a handler of its
	 * case. Seeing its content is another question, answered by {@link org.lawtrace.shared.RecordAccess} (ART-20).
	 */
	boolean contentOpenTo(StaffId staff, boolean handlesLinkedCase) {
		return madeBy(staff) || handlesLinkedCase;
	}

	/** Whether {@code staff} uploaded this recording or is named as having recorded it. */
	boolean madeBy(StaffId staff) {
		return uploadedBy.equals(staff) || current.recordedBy().equals(staff);
	}
}
