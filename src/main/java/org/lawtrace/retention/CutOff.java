package org.lawtrace.retention;

/** The event a fixed retention period is counted from (保管期限起算). */
public enum CutOff {
	/** 结案: the day the case was closed. */
	CASE_CLOSED("结案之日", "case closing"),
	/** 归档: the day the case file was archived. */
	ARCHIVED("归档之日", "archiving"),
	/** 录制: the day a daily enforcement recording was made. */
	RECORDED("录制之日", "recording");

	private final String chineseName;
	private final String englishName;

	CutOff(String chineseName, String englishName) {
		this.chineseName = chineseName;
		this.englishName = englishName;
	}

	public String chineseName() {
		return chineseName;
	}

	public String englishName() {
		return englishName;
	}
}
