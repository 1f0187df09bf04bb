package org.lawtrace.documents;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.StageId;
import org.lawtrace.shared.StaffId;

/**
 * A document (文书) of a case: its kind as registered, number (文号), title, who made it and when, its file
 * versions (the first is the original, ART-05.4), the confirmations of each version (ART-05.3) and its services.
 */
public record Document(DocumentId id, CaseId caseId, @Nullable StageId stageId, DocumentKind kind,
		@Nullable String number, String title, StaffId madeBy, Instant madeAt, StaffId registeredBy,
		Instant registeredAt, List<DocumentVersion> versions, List<Confirmation> confirmations, List<ServiceRecord> services) {

	public Document {
		versions = List.copyOf(versions);
		confirmations = List.copyOf(confirmations);
		services = List.copyOf(services);
	}

	public DocumentVersion current() {
		return versions.get(versions.size() - 1);
	}

	public DocumentVersion version(int number) {
		return versions.stream().filter(v -> v.number() == number).findFirst()
			.orElseThrow(() -> new org.lawtrace.shared.NotFound("version", number));
	}

	public List<Confirmation> confirmationsOf(int version) {
		return confirmations.stream().filter(c -> c.version() == version).toList();
	}

	public List<Confirmation> refusals() {
		return confirmations.stream().filter(c -> c.kind() == ConfirmationKind.REFUSAL).toList();
	}

	public boolean madeOrRegisteredBy(StaffId staff) {
		return madeBy.equals(staff) || registeredBy.equals(staff);
	}

	/**
	 * ART-05.3, ART-05.4: the confirmations a version still lacks; a version lacking none is effective.
	 *
	 * @param officers the handling officers who were present at the document's stage, each of whom must sign
	 * @param participants everyone present at the document's stage, each of whom must sign where all participants do
	 */
	public Set<ConfirmationRule> missing(int version, Collection<StaffId> officers, Collection<StaffId> participants) {
		var of = confirmationsOf(version);
		var pages = version(version).pageCount();
		var missing = EnumSet.noneOf(ConfirmationRule.class);
		for (var rule : kind.confirmations()) {
			var met = switch (rule) {
				case SEAL -> of.stream().anyMatch(c -> c.kind() == ConfirmationKind.SEAL);
				case PARTY -> partyConfirmed(of, pages);
				case OFFICERS -> staffSigned(of, officers, SignerRole.OFFICER);
				case PARTICIPANTS -> staffSigned(of, participants, null);
			};
			if (!met) {
				missing.add(rule);
			}
		}
		return missing;
	}

	private boolean partyConfirmed(List<Confirmation> of, int pageCount) {
		var party = of.stream().filter(c -> c.role().partySide()).toList();
		if (party.stream().anyMatch(c -> c.kind() == ConfirmationKind.REFUSAL)) {
			// a refusal recorded with its AV record stands in for the signature (SAMR-PR Art. 43)
			return true;
		}
		var signatures = party.stream().filter(c -> c.kind() == ConfirmationKind.SIGNATURE).toList();
		if (!kind.pageByPage()) {
			return !signatures.isEmpty();
		}
		if (signatures.stream().anyMatch(Confirmation::wholeDocument)) {
			return true;
		}
		var signed = new HashSet<Integer>();
		signatures.forEach(c -> signed.addAll(c.pages()));
		for (var page = 1; page <= pageCount; page++) {
			if (!signed.contains(page)) {
				return false;
			}
		}
		return true;
	}

	private static boolean staffSigned(List<Confirmation> of, Collection<StaffId> expected, @Nullable SignerRole role) {
		var signers = of.stream()
			.filter(c -> c.kind() == ConfirmationKind.SIGNATURE && c.staffId() != null)
			.filter(c -> role == null || c.role() == role)
			.map(Confirmation::staffId)
			.toList();
		return !signers.isEmpty() && signers.containsAll(expected);
	}
}
