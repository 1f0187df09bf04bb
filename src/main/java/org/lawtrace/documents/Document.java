package org.lawtrace.documents;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lawtrace.cases.Case;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.StageId;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.Unprocessable;
import org.lawtrace.staff.Role;
import org.lawtrace.staff.StaffMember;

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

	/** ART-05.3: a seal is the bureau's, and only on kinds the bureau seals or sends out. */
	public void requireSealable(SignerRole role) {
		if (role != SignerRole.BUREAU) {
			throw new InvalidInput("role", "印章的身份应为本局 (a seal is the bureau's: role BUREAU)");
		}
		if (kind.direction() != Direction.EXTERNAL && !kind.confirmations().contains(ConfirmationRule.SEAL)) {
			throw new InvalidInput("kind", kind.chineseName() + "不加盖本局印章 (this kind is not sealed)");
		}
	}

	/** ART-05.3: the bureau confirms with its seal, never a signature. */
	public static void requireSignable(SignerRole role) {
		if (role == SignerRole.BUREAU) {
			throw new InvalidInput("role", "本局以印章确认 (the bureau confirms with its seal: kind SEAL)");
		}
	}

	/**
	 * ART-05.3: only someone who took part signs; a document of a stage is signed by those present at it, one of no
	 * stage by the case's handlers as officers. ART-08: assisting staff make AV records only; they do not sign as
	 * officers.
	 *
	 * @param presentAtStage who was present at the document's stage; null for a document of no stage
	 */
	public void requireStaffSigner(StaffMember member, SignerRole role, Case c,
			@Nullable Collection<StaffId> presentAtStage) {
		if (role == SignerRole.OFFICER && !member.holds(Role.OFFICER)) {
			throw new InvalidInput("signer", member.name() + "不是执法人员 (" + member.username()
					+ " is not an enforcement officer, ART-08)");
		}
		if (stageId != null) {
			if (presentAtStage == null || !presentAtStage.contains(member.id())) {
				throw new InvalidInput("signer", member.name() + "不在该环节在场人员之列 (" + member.username()
						+ " was not present at the stage)");
			}
		}
		else if (role == SignerRole.OFFICER && !c.handledBy(member.id())) {
			throw new InvalidInput("signer", member.name() + "不是本案承办人 (" + member.username()
					+ " is not a handler of this case)");
		}
	}

	/** ART-05.3: a party signs under a name the case knows as one of its parties. */
	public static void requirePartySigner(SignerRole role, String name, Case c) {
		if (role == SignerRole.PARTY && c.parties().stream().noneMatch(p -> p.name().equals(name))) {
			throw new InvalidInput("name", "签名人不是本案当事人 (the signer is not a party of this case): " + name);
		}
	}

	/** SAMR-PR Art. 43: a refusal to sign is the party side's, noted and recorded on audio or video. */
	public static void requireRefusal(SignerRole role, @Nullable UUID recordingId) {
		if (!role.partySide()) {
			throw new InvalidInput("role", "拒签只记录当事人一方 (only the party or its agent refuses to sign here)");
		}
		if (recordingId == null) {
			throw new InvalidInput("recordingId", "拒签应有录音录像 (a refusal needs its AV record, SAMR-PR Art. 43)");
		}
	}

	/**
	 * SAMR-PR Art. 81-82: only a document the bureau issues to the party is served, and only once it is effective.
	 *
	 * @param missing the confirmations its current version still lacks
	 */
	public void requireServable(Set<ConfirmationRule> missing) {
		if (kind.direction() != Direction.EXTERNAL) {
			throw new Unprocessable("documentId", kind.chineseName()
					+ "不是向当事人制发的文书，无需送达 (only documents the bureau issues are served)");
		}
		if (!missing.isEmpty()) {
			throw new Unprocessable("documentId", "文书尚未生效（缺少" + missing
					+ "），不能送达 (the document lacks its confirmations and cannot be served yet)");
		}
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
