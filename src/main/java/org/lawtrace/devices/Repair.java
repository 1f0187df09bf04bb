package org.lawtrace.devices;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.StaffId;

/**
 * A repair order (维修记录, ART-12): repairs go to a professional repairer; a repair the user did themselves
 * (擅自修理) is recorded as such and is not reimbursable.
 *
 * @param repairer the professional repairer, or for a self-repair who did it.
 * @param cost in yuan, known when the repair closes.
 */
public record Repair(UUID id, DeviceId device, String repairer, boolean selfRepair, LocalDate sentOn,
		@Nullable String note, Instant openedAt, StaffId openedBy, @Nullable LocalDate completedOn, @Nullable BigDecimal cost,
		@Nullable String result, @Nullable Instant closedAt, @Nullable StaffId closedBy) {

	static Repair opened(UUID id, DeviceId device, String repairer, boolean selfRepair, LocalDate sentOn,
			@Nullable String note, Instant at, StaffId by) {
		return new Repair(id, device, repairer, selfRepair, sentOn, note, at, by, null, null, null, null, null);
	}

	/** ART-12: self-repair (擅自修理) is not reimbursed. */
	public boolean reimbursable() {
		return !selfRepair;
	}

	Repair closed(LocalDate on, @Nullable BigDecimal cost, @Nullable String result, Instant at, StaffId by) {
		return new Repair(id, device, repairer, selfRepair, sentOn, note, openedAt, openedBy, on, cost, result, at, by);
	}

	public boolean open() {
		return closedAt == null;
	}
}
