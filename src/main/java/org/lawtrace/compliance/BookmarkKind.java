package org.lawtrace.compliance;

/** What an ART-06.0 bookmark (书签) marks in an AV recording. */
public enum BookmarkKind {
	/** 开场告知: identity shown, purpose stated, rights and duties told. */
	OPENING,
	/** 结束询问: the party asked whether there is anything to add. */
	CLOSING
}
