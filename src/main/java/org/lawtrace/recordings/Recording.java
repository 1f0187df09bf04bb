package org.lawtrace.recordings;

import java.time.Instant;

import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.StaffId;

/**
 * An audio-visual record (音像记录): the original file as stored (its digests, size, type and own metadata) and how
 * it arrived, which never change, with the current revision of what it records.
 * <p>
 * {@code recordedAtIngest} (the recorder of version 1, as taken when the file arrived) and {@code everLinked} (whether
 * any version ever placed it in a case) are facts no later revision can change: who may see the recording is
 * derived from them, never from the current, correctable recorder or case link (ART-20, issue 11).
 */
public record Recording(RecordingId id, String originalName, ContentDigest digest, MediaFacts facts, StaffId uploadedBy,
		Instant uploadedAt, Channel channel, Revision current, StaffId recordedAtIngest, boolean everLinked) {

	public RecordingKind kind() {
		return facts.kind();
	}

	/**
	 * Whether {@code staff} is close enough to this recording to revise it: its uploader, its recorder at ingest or a
	 * handler of its case. Seeing its content is another question, answered by
	 * {@link org.lawtrace.shared.RecordAccess} (ART-20).
	 */
	boolean contentOpenTo(StaffId staff, boolean handlesLinkedCase) {
		return madeBy(staff) || handlesLinkedCase;
	}

	/** Whether {@code staff} uploaded this recording or was its recorder when it arrived: facts nobody can edit. */
	boolean madeBy(StaffId staff) {
		return uploadedBy.equals(staff) || recordedAtIngest.equals(staff);
	}

	/**
	 * Whether {@code staff} may open this recording as its maker, with no case to ask about (ART-20): only while it has
	 * never been in a case, so that taking it out of one, or renaming its recorder, never opens it to anyone.
	 */
	boolean opensToMaker(StaffId staff) {
		return !everLinked && madeBy(staff);
	}
}
