package org.lawtrace.retention;

/** Why records are held from disposition (冻结): the proceedings that need them as evidence (ART-18). */
public enum HoldKind {
	/** 行政复议. */
	RECONSIDERATION,
	/** 行政诉讼. */
	LITIGATION,
	/** 信访. */
	PETITION
}
