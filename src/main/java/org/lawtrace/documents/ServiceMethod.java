package org.lawtrace.documents;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.InvalidInput;

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
	PUBLIC_NOTICE;

	/** ART-06.2: service left at the address and by public notice need their AV record. */
	void requireRecording(java.util.@Nullable UUID recordingId) {
		if ((this == LEFT_AT_ADDRESS || this == PUBLIC_NOTICE) && recordingId == null) {
			throw new InvalidInput("recordingId", "留置送达和公告送达应有录音录像 (service left at the address or by "
					+ "public notice needs its AV record, ART-06.2)");
		}
	}

	/** ART-06.2: a public notice names where it was posted. */
	void requirePlace(@Nullable String place) {
		if (this == PUBLIC_NOTICE && place == null) {
			throw new InvalidInput("place", "公告送达应记录张贴地点 (name where the notice was posted, ART-06.2)");
		}
	}
}
