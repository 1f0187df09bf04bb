package org.lawtrace.inspection;

/** Where a signal stands in the discipline unit's queue. */
public enum SignalState {
	/** 待研判: waiting for the discipline unit. */
	PENDING,
	/** 已立案: a violation was registered from it. */
	REGISTERED,
	/** 不予处理: dismissed, with the reason. */
	DISMISSED
}
