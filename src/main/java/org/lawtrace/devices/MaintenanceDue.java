package org.lawtrace.devices;

/** Which devices a ledger lists by their maintenance schedule (ART-11). */
public enum MaintenanceDue {

	/** Past due. */
	OVERDUE,
	/** Due within {@link DeviceLedger#DUE_SOON_DAYS} days, or past due. */
	DUE_SOON
}
