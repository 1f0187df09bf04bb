package org.lawtrace.documents;

/** In which capacity someone confirmed a document. Staff roles name a staff member; the others a person's name. */
public enum SignerRole {
	/** 执法人员. */
	OFFICER(true),
	/** 参加人员 (collective discussion, expert review). */
	PARTICIPANT(true),
	/** 本局（印章）. */
	BUREAU(true),
	/** 当事人. */
	PARTY(false),
	/** 当事人的法定代表人或委托代理人. */
	PARTY_AGENT(false),
	/** 见证人. */
	WITNESS(false);

	private final boolean staff;

	SignerRole(boolean staff) {
		this.staff = staff;
	}

	/** Whether the signer is one of the bureau's staff, named by account. */
	public boolean staff() {
		return staff;
	}

	public boolean partySide() {
		return this == PARTY || this == PARTY_AGENT;
	}
}
