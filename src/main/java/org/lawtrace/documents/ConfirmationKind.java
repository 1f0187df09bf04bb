package org.lawtrace.documents;

/** What was recorded against a version: a signature, the bureau's seal, or a refusal to sign. */
public enum ConfirmationKind {
	/** 签名（捺印）. */
	SIGNATURE,
	/** 加盖印章. */
	SEAL,
	/** 拒绝签名: noted with a witness or an AV record (SAMR-PR Art. 43). */
	REFUSAL
}
