package org.lawtrace.staff;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.UnitId;

/** A unit of the bureau (科室、队、所), placed in the bureau's tree by its parent. */
public record Unit(UnitId id, String code, String name, @Nullable String nameEn, UnitKind kind,
		@Nullable UnitId parentId) {
}
