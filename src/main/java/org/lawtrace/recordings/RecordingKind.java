package org.lawtrace.recordings;

/** What sort of audio-visual record a file is, decided from its content. */
public enum RecordingKind {
	/** 视频. */
	VIDEO("视频"),
	/** 音频. */
	AUDIO("音频"),
	/** 照片. */
	PHOTO("照片");

	private final String chineseName;

	RecordingKind(String chineseName) {
		this.chineseName = chineseName;
	}

	public String chineseName() {
		return chineseName;
	}
}
