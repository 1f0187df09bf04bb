package org.lawtrace.devices;

/** The kinds of recording device ART-10 names: worn body cameras first, the others where one cannot be worn. */
public enum DeviceKind {

	/** 执法记录仪, worn throughout enforcement. */
	BODY_CAMERA("执法记录仪"),
	/** 照相机. */
	CAMERA("照相机"),
	/** 摄像机. */
	CAMCORDER("摄像机"),
	/** 执法手机. */
	PHONE("执法手机"),
	/** 录音笔. */
	AUDIO_RECORDER("录音笔");

	private final String chineseName;

	DeviceKind(String chineseName) {
		this.chineseName = chineseName;
	}

	public String chineseName() {
		return chineseName;
	}
}
