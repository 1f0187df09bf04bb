package org.lawtrace.access;

/** Whom an evidence package is for (ART-19): records leave the bureau for these bodies only, through legal affairs. */
public enum PackageRecipientKind {
	/** 人民法院. */
	COURT,
	/** 行政复议机关. */
	RECONSIDERATION_BODY
}
