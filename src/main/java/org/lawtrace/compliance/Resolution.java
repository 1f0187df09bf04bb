package org.lawtrace.compliance;

/** How a finding stopped being open. */
public enum Resolution {
	/** 已补正: the missing record was added or corrected. */
	FIXED,
	/** 已豁免: the stage was approved as not suitable for AV recording. */
	EXEMPTED
}
