package org.lawtrace.documents;

/** How a document was served on the party (送达方式, SAMR-PR Art. 82). */
public enum ServiceMethod {
	/** 直接送达. */
	DIRECT,
	/** 留置送达: with an AV record of the leaving (ART-06.2). */
	LEFT_AT_ADDRESS,
	/** 电子送达: only with the party's signed service-address confirmation. */
	ELECTRONIC,
	/** 邮寄送达. */
	POST,
	/** 公告送达: with an AV record of the posting (ART-06.2); deemed served 30 days after posting. */
	PUBLIC_NOTICE
}
