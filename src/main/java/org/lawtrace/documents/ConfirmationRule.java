package org.lawtrace.documents;

/** A confirmation a kind of document needs before a version of it is effective (ART-05.3, ART-05.4). */
public enum ConfirmationRule {
	/** 加盖本局印章. */
	SEAL,
	/** 当事人签名（笔录逐页签名）, or a refusal recorded with its AV record. */
	PARTY,
	/** 全体参加人员签名: every staff member present at the stage signs. */
	PARTICIPANTS,
	/** 执法人员签名: every handling officer present at the stage signs, and at least one does. */
	OFFICERS
}
