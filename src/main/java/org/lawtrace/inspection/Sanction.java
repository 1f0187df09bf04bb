package org.lawtrace.inspection;

/** The sanctions ART-22 names, lightest first. */
public enum Sanction {
	/** 批评教育 */
	CRITICISM("批评教育"),
	/** 暂停执法资格: with first and last day; the person is not qualified meanwhile (ART-08). */
	SUSPENSION("暂停执法资格"),
	/** 警告 */
	WARNING("警告"),
	/** 记过 */
	DEMERIT("记过"),
	/** 记大过 */
	MAJOR_DEMERIT("记大过");

	private final String chineseName;

	Sanction(String chineseName) {
		this.chineseName = chineseName;
	}

	public String chineseName() {
		return chineseName;
	}
}
