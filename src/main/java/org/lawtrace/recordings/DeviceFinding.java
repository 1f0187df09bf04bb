package org.lawtrace.recordings;

/**
 * What the device ledger says about the device a recording names, at the time the recording began (ART-10,
 * ART-11): officers record with a device issued to them, checked before use and in working order.
 */
public enum DeviceFinding {

	/** The recorder held the device: as it should be. */
	HELD_BY_RECORDER(false),
	/** Someone else held the device then. */
	HELD_BY_ANOTHER(true),
	/** Nobody held the device then: it was in store, not issued. */
	NOT_ISSUED(true),
	/** The device was faulty, in repair or retired then (ART-12). */
	OUT_OF_SERVICE(true),
	/** No device with this serial is on the ledger. */
	UNKNOWN_DEVICE(true);

	private final boolean flagged;

	DeviceFinding(boolean flagged) {
		this.flagged = flagged;
	}

	/** Whether this is a finding for the completeness checks to report. */
	public boolean flagged() {
		return flagged;
	}
}
