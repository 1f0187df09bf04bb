package org.lawtrace.recordings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.InstalledProgram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The ffmpeg installed on this server, if any, found once at start-up: {@code lawtrace.recordings.ffmpeg} names the
 * command or its path, and {@code <it> -version} must succeed. Without it recordings are kept and played exactly
 * as before, only without poster frames and playable copies.
 */
@Component
class Ffmpeg {

	private static final Logger log = LoggerFactory.getLogger(Ffmpeg.class);

	private final Duration timeout;
	private final InstalledProgram program;

	Ffmpeg(@Value("${lawtrace.recordings.ffmpeg:ffmpeg}") String command,
			@Value("${lawtrace.recordings.ffmpeg-timeout:PT30M}") Duration timeout) {
		this.timeout = timeout;
		this.program = InstalledProgram.find(command, " Copyright").whenKnown(program -> {
			if (program.available()) {
				log.info("Video derivatives ON: poster frames and browser-playable copies are made with {} ({}), "
						+ "each run limited to {}", program.version(), program.command(), timeout);
			}
			else if (program.turnedOff()) {
				log.info("Video derivatives OFF: lawtrace.recordings.ffmpeg is empty");
			}
			else {
				log.warn("Video derivatives OFF: '{} -version' did not succeed ({}); install ffmpeg or set "
						+ "lawtrace.recordings.ffmpeg to its path for poster frames and browser-playable copies",
						program.command(), program.problem());
			}
		});
	}

	boolean available() {
		return program.available();
	}

	/** What made a copy, as recorded beside it, such as {@code ffmpeg version 5.1.6-0+deb12u1}. */
	String version() {
		var version = program.version();
		return version == null ? "ffmpeg (not installed)" : version;
	}

	Duration timeout() {
		return timeout;
	}

	/**
	 * Whether a failure of ffmpeg is about the input itself, so that another command on the same file fails the same
	 * way: it has no video stream (an MP4 of sound only), or it is not a file ffmpeg can read.
	 */
	static boolean inputUnusable(@Nullable String failure) {
		// a cut-off MP4 says "moov atom not found" and then this too
		return failure != null && (failure.contains("matches no streams")
				|| failure.contains("Invalid data found when processing input"));
	}

	/** One JPEG frame to standard output: at {@code atSecond} into the video, or from its start when 0. */
	List<String> poster(int atSecond) {
		var line = new ArrayList<>(List.of(program.command(), "-nostdin", "-v", "error"));
		if (atSecond > 0) {
			// before -i: seeks the input, cheap even in a long file
			line.addAll(List.of("-ss", Integer.toString(atSecond)));
		}
		line.addAll(List.of("-i", "{input}", "-map", "0:v:0", "-frames:v", "1", "-f", "image2", "-c:v", "mjpeg",
				"-q:v", "3", "pipe:1"));
		return line;
	}

	/** How far into a video the first picture that is not black is looked for; beyond it a frame at a second will do. */
	static final int NOT_BLACK_WITHIN_SECONDS = 30;

	/**
	 * One JPEG frame to standard output: the first from {@code fromSecond} on that is not mostly black (less than 80%
	 * of its pixels near black), within {@link #NOT_BLACK_WITHIN_SECONDS}. Body-worn cameras often start on black
	 * frames, or a pocket; a black poster tells nobody anything. Writes nothing when every frame looked at is black.
	 */
	List<String> posterNotBlack(int fromSecond) {
		var line = new ArrayList<>(List.of(program.command(), "-nostdin", "-v", "error"));
		if (fromSecond > 0) {
			line.addAll(List.of("-ss", Integer.toString(fromSecond)));
		}
		line.addAll(List.of("-t", Integer.toString(NOT_BLACK_WITHIN_SECONDS), "-i", "{input}", "-map", "0:v:0", "-vf",
				// blackframe with amount=0 measures every frame's share of black pixels; metadata keeps the first below 80
				"blackframe=amount=0:threshold=32,metadata=mode=select:key=lavfi.blackframe.pblack:value=80:function=less",
				"-frames:v", "1", "-f", "image2", "-c:v", "mjpeg", "-q:v", "3", "pipe:1"));
		return line;
	}

	/**
	 * H.264 and AAC in a fragmented MP4, which every current browser plays and which can be written to a pipe: a
	 * plain MP4 needs its index rewritten at the end, which a pipe cannot seek back to. Even dimensions and 4:2:0
	 * chroma, because browsers' H.264 decoders accept nothing else.
	 */
	List<String> playable() {
		return List.of(program.command(), "-nostdin", "-v", "error", "-i", "{input}", "-map", "0:v:0", "-map", "0:a:0?",
				"-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-vf", "scale=trunc(iw/2)*2:trunc(ih/2)*2",
				"-c:a", "aac", "-movflags", "frag_keyframe+empty_moov", "-f", "mp4", "pipe:1");
	}
}
