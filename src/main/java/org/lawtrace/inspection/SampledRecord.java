package org.lawtrace.inspection;

import java.util.UUID;

import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;

/** One record of a plan's sample, with the stratum it was drawn from and its recorder. */
public record SampledRecord(UUID planId, int position, UUID recordId, RecordKind kind, UnitId unit, StaffId officer) {
}
