package org.lawtrace.staff;

import org.lawtrace.shared.Audited;
import org.lawtrace.shared.StaffId;

/** The administrator added a unit to the bureau's tree (ART-22: every change to who works where is logged). */
public record UnitAdded(StaffId actor, Unit unit) implements Audited.Logged {

	static final String ACTION = "UNIT_ADDED";

	@Override
	public Entry entry() {
		return new Entry(actor, ACTION, "UNIT", unit.code(), "name=" + unit.name() + " kind=" + unit.kind()
				+ (unit.parentId() == null ? "" : " parent=" + unit.parentId()));
	}
}
