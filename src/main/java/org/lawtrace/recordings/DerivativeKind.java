package org.lawtrace.recordings;

/** What a copy derived from a video is for; each is made at most once per recording. */
public enum DerivativeKind {
	/** 封面帧: one still frame that lists and players show before playback. */
	POSTER("封面帧", "image/jpeg", ".poster.jpg"),
	/** 播放副本: H.264/AAC in fragmented MP4, for videos in a format browsers cannot play. */
	PLAYABLE("播放副本", "video/mp4", ".playable.mp4");

	private final String chineseName;
	private final String mediaType;
	private final String fileSuffix;

	DerivativeKind(String chineseName, String mediaType, String fileSuffix) {
		this.chineseName = chineseName;
		this.mediaType = mediaType;
		this.fileSuffix = fileSuffix;
	}

	public String chineseName() {
		return chineseName;
	}

	public String mediaType() {
		return mediaType;
	}

	/** The name a downloaded copy gets: the original's name and what the copy is, so it is never taken for it. */
	public String fileNameFor(String originalName) {
		return originalName + fileSuffix;
	}
}
