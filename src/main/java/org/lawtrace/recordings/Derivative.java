package org.lawtrace.recordings;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.ContentDigest;

/**
 * A copy made from a recording for viewing only (派生文件): a poster frame or a browser-playable version, or the
 * record that making it failed. It is never evidence; the original it came from is untouched and stays the
 * evidence (ART-22(2)).
 *
 * @param digest the stored copy; {@literal null} when it could not be made.
 * @param madeAt when it was made, or when making it failed.
 * @param tool the program and version that made it (or tried to), so a copy can be explained years later.
 * @param reason why it could not be made; {@literal null} when it was.
 */
public record Derivative(RecordingId recordingId, DerivativeKind kind, Status status, @Nullable ContentDigest digest,
		String mediaType, Instant madeAt, String tool, @Nullable String reason) {

	public enum Status {
		/** 已生成. */
		MADE,
		/** 生成失败. */
		FAILED
	}

	static Derivative made(RecordingId recordingId, DerivativeKind kind, ContentDigest digest, Instant madeAt,
			String tool) {
		return new Derivative(recordingId, kind, Status.MADE, digest, kind.mediaType(), madeAt, tool, null);
	}

	static Derivative failed(RecordingId recordingId, DerivativeKind kind, Instant triedAt, String tool, String reason) {
		return new Derivative(recordingId, kind, Status.FAILED, null, kind.mediaType(), triedAt, tool, reason);
	}

	public boolean made() {
		return status == Status.MADE;
	}
}
