package org.lawtrace.cases;

/** The three kinds of enforcement the recording rules cover (ART-02). */
public enum CaseKind {

	/** 监督检查. */
	SUPERVISION_INSPECTION("监督检查", "Supervision and inspection", false),
	/** 行政处罚. */
	ADMINISTRATIVE_PENALTY("行政处罚", "Administrative penalty", true),
	/** 行政强制. */
	ADMINISTRATIVE_COERCION("行政强制", "Administrative coercion", true);

	private final String chineseName;
	private final String englishName;
	private final boolean needsTwoOfficers;

	CaseKind(String chineseName, String englishName, boolean needsTwoOfficers) {
		this.chineseName = chineseName;
		this.englishName = englishName;
		this.needsTwoOfficers = needsTwoOfficers;
	}

	public String chineseName() {
		return chineseName;
	}

	public String englishName() {
		return englishName;
	}

	/** ART-08: penalties and coercive measures are carried out by at least two qualified officers. */
	public int officersRequired() {
		return needsTwoOfficers ? 2 : 1;
	}
}
