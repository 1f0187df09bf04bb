package org.lawtrace.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.cases.StageKind;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.InvalidInput;
import org.lawtrace.shared.StageId;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;
import org.lawtrace.shared.Unprocessable;
import org.lawtrace.staff.Role;
import org.lawtrace.staff.StaffMember;

/** What a version still lacks before it is effective (ART-05.3, ART-05.4), without Spring or a database. */
class DocumentUnitTests {

	private static final Instant T = Instant.parse("2026-11-20T02:00:00Z");
	private final StaffId zhang = StaffId.random();
	private final StaffId li = StaffId.random();
	private final List<Confirmation> confirmations = new ArrayList<>();

	private static DocumentKind kind(Set<ConfirmationRule> rules, boolean pageByPage) {
		return new DocumentKind("QUESTIONING_RECORD", 1, "询问笔录", "Questioning record", Direction.RECORD, rules,
				pageByPage, Set.of(StageKind.QUESTIONING), null, Volume.MAIN, 4);
	}

	private Document document(DocumentKind kind, int... pageCounts) {
		var versions = new ArrayList<DocumentVersion>();
		for (var i = 0; i < pageCounts.length; i++) {
			versions.add(new DocumentVersion(i + 1, new ContentDigest("a".repeat(64), null, 10), "application/pdf",
					"x.pdf", pageCounts[i], i == 0 ? null : "改", zhang, T));
		}
		return new Document(DocumentId.random(), CaseId.random(), StageId.random(), kind, null, "询问笔录", zhang, T,
				zhang, T, versions, confirmations, List.of());
	}

	private void sign(int version, ConfirmationKind kind, SignerRole role, StaffId staff, Integer... pages) {
		confirmations.add(new Confirmation(UUID.randomUUID(), version, kind, role, staff, "某", List.of(pages), T, null,
				null, null, zhang, T));
	}

	@Test
	@DisplayName("ART-05.3: a questioning record needs the party's signature on every page and each present officer's")
	void questioningRecordNeedsEveryPageSigned() {
		var kind = kind(Set.of(ConfirmationRule.PARTY, ConfirmationRule.OFFICERS), true);
		sign(1, ConfirmationKind.SIGNATURE, SignerRole.PARTY, null, 1, 2);
		sign(1, ConfirmationKind.SIGNATURE, SignerRole.OFFICER, zhang);
		assertThat(document(kind, 3).missing(1, List.of(zhang, li), List.of(zhang, li)))
			.containsExactlyInAnyOrder(ConfirmationRule.PARTY, ConfirmationRule.OFFICERS);
		sign(1, ConfirmationKind.SIGNATURE, SignerRole.PARTY, null, 3);
		sign(1, ConfirmationKind.SIGNATURE, SignerRole.OFFICER, li);
		assertThat(document(kind, 3).missing(1, List.of(zhang, li), List.of(zhang, li))).isEmpty();
	}

	@Test
	@DisplayName("ART-05.4: signatures of the original do not confirm a changed version")
	void aChangeNeedsItsOwnConfirmation() {
		var kind = kind(Set.of(ConfirmationRule.PARTY), true);
		sign(1, ConfirmationKind.SIGNATURE, SignerRole.PARTY, null);
		var changed = document(kind, 2, 2);
		assertThat(changed.missing(1, List.of(), List.of())).isEmpty();
		assertThat(changed.missing(2, List.of(), List.of())).containsExactly(ConfirmationRule.PARTY);
		assertThat(changed.current().number()).isEqualTo(2);
	}

	@Test
	@DisplayName("SAMR-PR Art. 43: a recorded refusal stands in for the party's signature; a seal is the bureau's")
	void refusalAndSeal() {
		var kind = new DocumentKind("PENALTY_DECISION", 1, "行政处罚决定书", "Decision", Direction.EXTERNAL,
				Set.of(ConfirmationRule.SEAL), false, Set.of(), "东市监处罚", Volume.MAIN, 2);
		assertThat(document(kind, 1).missing(1, List.of(), List.of())).containsExactly(ConfirmationRule.SEAL);
		sign(1, ConfirmationKind.SEAL, SignerRole.BUREAU, zhang);
		assertThat(document(kind, 1).missing(1, List.of(), List.of())).isEmpty();
		confirmations.clear();
		var record = kind(Set.of(ConfirmationRule.PARTY), true);
		sign(1, ConfirmationKind.REFUSAL, SignerRole.PARTY, null);
		assertThat(document(record, 4).missing(1, List.of(), List.of())).isEmpty();
	}

	@Test
	@DisplayName("ART-05.3: a collective discussion needs everyone present to sign")
	void allParticipantsSign() {
		var kind = new DocumentKind("COLLECTIVE_DISCUSSION_RECORD", 1, "集体讨论记录", "Discussion", Direction.INTERNAL,
				Set.of(ConfirmationRule.PARTICIPANTS), false, Set.of(StageKind.COLLECTIVE_DISCUSSION), null,
				Volume.SECONDARY, 6);
		var third = StaffId.random();
		sign(1, ConfirmationKind.SIGNATURE, SignerRole.PARTICIPANT, zhang);
		sign(1, ConfirmationKind.SIGNATURE, SignerRole.PARTICIPANT, li);
		assertThat(document(kind, 1).missing(1, List.of(), List.of(zhang, li, third)))
			.containsExactly(ConfirmationRule.PARTICIPANTS);
		sign(1, ConfirmationKind.SIGNATURE, SignerRole.PARTICIPANT, third);
		assertThat(document(kind, 1).missing(1, List.of(), List.of(zhang, li, third))).isEmpty();
	}
	@Test
	@DisplayName("ART-05.3, ART-08: at a stage only those present sign; an assistant never signs as an officer")
	void whoMaySignAsStaff() {
		var kind = kind(Set.of(ConfirmationRule.OFFICERS), true);
		var doc = document(kind, 1);
		var officer = new StaffMember(zhang, "zhang.wei", "张伟", "DY001", UnitId.random(), true, Set.of(Role.OFFICER),
				true);
		var assistant = new StaffMember(li, "li.na", "李娜", "DY002", UnitId.random(), false, Set.of(Role.ASSISTANT),
				true);
		var c = org.mockito.Mockito.mock(org.lawtrace.cases.Case.class);

		doc.requireStaffSigner(officer, SignerRole.OFFICER, c, List.of(zhang));
		assertThatThrownBy(() -> doc.requireStaffSigner(officer, SignerRole.OFFICER, c, List.of(li)))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("signer"));
		assertThatThrownBy(() -> doc.requireStaffSigner(assistant, SignerRole.OFFICER, c, List.of(li)))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.getMessage()).contains("ART-08"));
	}

	@Test
	@DisplayName("SAMR-PR Art. 81-82, ART-06.2: only an effective document the bureau issues is served; left at the "
			+ "address or by notice needs its AV record, a notice its place")
	void serviceRules() {
		var internal = document(kind(Set.of(), false), 1);
		assertThatThrownBy(() -> internal.requireServable(Set.of())).isInstanceOf(Unprocessable.class);
		var decision = document(new DocumentKind("PENALTY_DECISION", 1, "行政处罚决定书", "Decision", Direction.EXTERNAL,
				Set.of(ConfirmationRule.SEAL), false, Set.of(), "东市监处罚", Volume.MAIN, 2), 1);
		assertThatThrownBy(() -> decision.requireServable(Set.of(ConfirmationRule.SEAL)))
			.isInstanceOf(Unprocessable.class);
		decision.requireServable(Set.of());
		decision.requireSealable(SignerRole.BUREAU);
		assertThatThrownBy(() -> decision.requireSealable(SignerRole.OFFICER)).isInstanceOf(InvalidInput.class);

		assertThatThrownBy(() -> ServiceMethod.LEFT_AT_ADDRESS.requireRecording(null))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("recordingId"));
		ServiceMethod.DIRECT.requireRecording(null);
		assertThatThrownBy(() -> ServiceMethod.PUBLIC_NOTICE.requirePlace(null))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("place"));
		assertThatThrownBy(() -> Document.requireRefusal(SignerRole.WITNESS, UUID.randomUUID()))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("role"));
		assertThatThrownBy(() -> Document.requireRefusal(SignerRole.PARTY, null))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("recordingId"));
	}
}
