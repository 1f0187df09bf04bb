package org.lawtrace.documents;

/** The volume of the case file (一案一卷, ART-14) a kind of document is filed in, per SAMR-PR Art. 78. */
public enum Volume {
	/** 正卷. */
	MAIN,
	/** 副卷. */
	SECONDARY,
	/** Not filed as a document: the file's own cover, contents list and remarks sheet, which the file generates. */
	NONE
}
