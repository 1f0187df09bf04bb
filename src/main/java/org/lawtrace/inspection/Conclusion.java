package org.lawtrace.inspection;

/** The conclusion of a review (检查结论, ART-21). */
public enum Conclusion {
	/** 合格 */
	PASSED,
	/** 基本合格: reasons required. */
	MOSTLY_PASSED,
	/** 不合格: reasons required. */
	FAILED;

	public boolean needsReasons() {
		return this != PASSED;
	}
}
