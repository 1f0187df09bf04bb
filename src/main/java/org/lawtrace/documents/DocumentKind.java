package org.lawtrace.documents;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.StageKind;

/**
 * A kind of document (文书种类): one of the SAMR 2021 templates or the seed's own kinds (ART-05.1), with the stage
 * kinds it records, the confirmations it needs (ART-05.3), its number prefix and where the case file puts it
 * (ART-14). Kinds are versioned: the administrator's edits make a new version, and each document keeps the version
 * it was registered under.
 *
 * @param stageKinds the stage kinds a document of this kind may belong to; empty for any stage
 * @param numberPrefix what its numbers (文号) start with, e.g. {@code 东市监处告}; null when the kind is not numbered
 * @param section its place within the volume, in the order of SAMR-PR Art. 78 (from 1)
 */
public record DocumentKind(String code, int version, String chineseName, String englishName, Direction direction,
		Set<ConfirmationRule> confirmations, boolean pageByPage, Set<StageKind> stageKinds,
		@Nullable String numberPrefix, Volume volume, int section) {

	public DocumentKind {
		confirmations = Set.copyOf(confirmations);
		stageKinds = Set.copyOf(stageKinds);
	}

	public boolean fits(StageKind stage) {
		return stageKinds.isEmpty() || stageKinds.contains(stage);
	}

	public boolean numbered() {
		return numberPrefix != null;
	}
}
