package org.lawtrace.devices;

/**
 * What someone may do to a device now, as {@link DeviceManagement} would allow it: pages offer exactly these, so no
 * button leads to a refusal. Each mirrors the rule of the method of the same intent.
 */
public enum DeviceAction {

	/** 使用前检查 (ART-11): the keeper, or the holder, of a device in service. */
	CHECK,
	/** 领用 (ART-10): the keeper, of a device in the keeper's hands; the check it needs is asked separately. */
	ISSUE,
	/** 归还: the keeper, of an issued device. */
	RETURN,
	/** 报告故障 (ART-12): the keeper, or the holder, of a device in service. */
	REPORT_FAULT,
	/** 送修 (ART-12): the keeper, of a faulty device. */
	OPEN_REPAIR,
	/** 修复 (ART-12): the keeper, of a device in repair. */
	CLOSE_REPAIR,
	/** 维护 (ART-11): the keeper, of a device not retired. */
	MAINTAIN,
	/** 报废: the keeper, of a device in the keeper's hands or faulty. */
	RETIRE,
	/** 遗失或损毁 (ART-22 (5)): the keeper, or the holder, of a device not retired. */
	REPORT_LOSS,
	/** 放行 (ART-11): a deputy director or the director, of a device whose latest check fell short. */
	OVERRIDE_CHECK
}
