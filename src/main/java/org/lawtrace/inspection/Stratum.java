package org.lawtrace.inspection;

import org.lawtrace.shared.UnitId;

/** One stratum of a plan's draw (unit × record kind): how many candidates it held and how many were drawn from it. */
public record Stratum(UnitId unit, RecordKind kind, int candidates, int drawn) {
}
