package org.lawtrace;

import java.util.List;

/** The video derivative tests need ffmpeg and ffprobe (see {@link ProgramsAvailable}). */
public class FfmpegAvailable extends ProgramsAvailable {

	public FfmpegAvailable() {
		super(List.of("ffmpeg", "ffprobe"), "ffmpeg", "video derivative tests");
	}
}
