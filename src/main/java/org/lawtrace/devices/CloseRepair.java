package org.lawtrace.devices;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of a repair, which brings the device back into service.
 *
 * @param completedOn the day the repair was finished; today when not given.
 * @param cost in yuan.
 */
public record CloseRepair(@Nullable LocalDate completedOn, @Nullable BigDecimal cost, @Nullable String result) {
}
