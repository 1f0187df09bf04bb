package org.lawtrace.documents;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.StageKind;

/** What the administrator says a document kind is; saving it makes the kind's next version. */
public record KindDefinition(String chineseName, String englishName, Direction direction,
		@Nullable Set<ConfirmationRule> confirmations, boolean pageByPage, @Nullable Set<StageKind> stageKinds,
		@Nullable String numberPrefix, Volume volume, int section) {
}
