package org.lawtrace.staff;

/** The kinds of unit a county-level market supervision bureau is made of. */
public enum UnitKind {
	/** 局 (the bureau as a whole, root of the tree). */
	BUREAU,
	/** 局机关 / 办公室. */
	OFFICE,
	/** 执法稽查队. */
	INSPECTION_TEAM,
	/** 法规科, acting as the 法制机构. */
	LEGAL_AFFAIRS,
	/** 纪检组, the 执纪机构. */
	DISCIPLINE,
	/** 业务科室. */
	SECTION,
	/** 市场监管所, a dispatched local office. */
	MARKET_OFFICE
}
