package org.lawtrace.devices;

/** Where a device stands in its life; every change is kept in its history. */
public enum DeviceStatus {

	/** 在库可用: in the keeper's hands, may be issued after a pre-use check. */
	AVAILABLE("在库可用"),
	/** 已领用: held by one staff member. */
	ISSUED("已领用"),
	/** 故障停用: out of service since a fault was reported (ART-12), waiting for repair. */
	FAULTY("故障停用"),
	/** 送修中: with a repairer under an open repair order. */
	IN_REPAIR("送修中"),
	/** 已报废: retired for good. */
	RETIRED("已报废");

	private final String chineseName;

	DeviceStatus(String chineseName) {
		this.chineseName = chineseName;
	}

	public String chineseName() {
		return chineseName;
	}

	/** Whether a device in this status may be used to record. */
	public boolean inService() {
		return this == AVAILABLE || this == ISSUED;
	}
}
