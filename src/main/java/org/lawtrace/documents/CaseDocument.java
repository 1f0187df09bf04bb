package org.lawtrace.documents;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.StageId;
import org.lawtrace.shared.StaffId;

/**
 * What other modules (compliance, reports) read of a case's document: a stable summary that does not change shape
 * when the document's own model grows.
 *
 * @param direction the direction of the document's kind
 * @param required the confirmations its kind asks for (ART-05.3)
 * @param currentVersion the number of its current file version, 1 for an unchanged document
 * @param effective whether the current version has every confirmation it needs (ART-05.4)
 * @param missing the confirmations the current version still lacks
 * @param refusals refusals to sign, with their witness and AV record
 * @param services each service of the document on the party
 */
public record CaseDocument(DocumentId id, String kindCode, Direction direction, Set<ConfirmationRule> required,
		@Nullable StageId stageId, @Nullable String number, String title, StaffId madeBy, Instant madeAt,
		Instant registeredAt, int currentVersion, boolean effective, Set<ConfirmationRule> missing,
		List<Confirmation> refusals, List<ServiceRecord> services) {

	public CaseDocument {
		required = Set.copyOf(required);
		missing = Set.copyOf(missing);
		refusals = List.copyOf(refusals);
		services = List.copyOf(services);
	}
}
