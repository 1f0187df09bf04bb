package org.lawtrace.devices;

/** A way a pre-use check can fall short of the bureau's thresholds (ART-11). */
public enum CheckFailure {

	BATTERY("电量不足"),
	STORAGE("存储空间不足"),
	CLOCK("时钟偏差过大"),
	LENS("镜头或挂载异常");

	private final String chineseName;

	CheckFailure(String chineseName) {
		this.chineseName = chineseName;
	}

	public String chineseName() {
		return chineseName;
	}
}
