package org.lawtrace.documents;

/** Where a kind of document comes from and goes to, which decides how it is confirmed (ART-05.3). */
public enum Direction {
	/** 对外文书: issued by the bureau to the party or others; bears the bureau's seal. */
	EXTERNAL,
	/** 笔录/记录: made during an activity; signed by those present. */
	RECORD,
	/** 内部文书: approval forms, reports, discussion records. */
	INTERNAL,
	/** 当事人材料: submitted by the party; signed by the party. */
	PARTY
}
