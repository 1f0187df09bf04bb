package org.lawtrace.devices;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A repair order as the keeper opens it (ART-12).
 *
 * @param repairer the professional repairer (维修单位); for a self-repair, who did it.
 * @param selfRepair the user repaired the device themselves (擅自修理): recorded, never reimbursed.
 * @param sentOn the day the device went to the repairer; today when not given.
 */
public record OpenRepair(String repairer, boolean selfRepair, @Nullable LocalDate sentOn, @Nullable String note) {
}
