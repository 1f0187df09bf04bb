package org.lawtrace.staff;

/** What a person may do in LawTrace; a person may hold several roles. */
public enum Role {

	/** 执法人员: records enforcement, uploads AV, registers documents. */
	OFFICER("执法人员"),
	/** 协助人员: makes and uploads AV records only (ART-08). */
	ASSISTANT("协助人员"),
	/** 专门存储/档案人员: storage, archiving, holds, backups (ART-13). */
	CUSTODIAN("档案管理人员"),
	/** 法制机构: the only channel to reconsideration bodies and courts (ART-19). */
	LEGAL_AFFAIRS("法制机构"),
	/** 分管副局长: approves ordinary access for the units in their charge (ART-20). */
	DEPUTY_DIRECTOR("分管副局长"),
	/** 局长: approves access in major or complex cases (ART-20). */
	DIRECTOR("局长"),
	/** 执纪机构: spot-checks and the inspection ledger (ART-21, ART-22). */
	DISCIPLINE("执纪机构"),
	/** 系统管理员: accounts, units and settings; sees no record content by virtue of the role. */
	ADMIN("系统管理员"),
	/**
	 * 采集站: a collection station's machine account; it signs in with API tokens only and is never a person, so it
	 * holds no other role and never counts as staff who record.
	 */
	STATION("采集站");

	private final String chineseName;

	Role(String chineseName) {
		this.chineseName = chineseName;
	}

	public String chineseName() {
		return chineseName;
	}

	/**
	 * Whether giving this role waits for the director's confirmation (two-person rule): the roles that reach evidence
	 * or decide about it, which the administrator must never hand out alone (ART-19, ART-20).
	 */
	public boolean needsDirectorConfirmation() {
		return this == LEGAL_AFFAIRS || this == CUSTODIAN || this == DISCIPLINE || this == DEPUTY_DIRECTOR
				|| this == DIRECTOR;
	}

	public String authority() {
		return "ROLE_" + name();
	}
}
