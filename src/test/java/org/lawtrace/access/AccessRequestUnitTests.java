package org.lawtrace.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.cases.Case;
import org.lawtrace.cases.CaseKind;
import org.lawtrace.cases.Procedure;
import org.lawtrace.shared.CaseId;
import org.lawtrace.shared.CaseNumber;
import org.lawtrace.shared.Conflict;
import org.lawtrace.shared.RecordRef;
import org.lawtrace.shared.StaffId;
import org.lawtrace.shared.UnitId;

/** ART-20: a request's life (pending, decided once, granted for its days, revoked) and what content it opens. */
class AccessRequestUnitTests {

	private static final Instant ASKED = Instant.parse("2026-11-20T01:00:00Z");
	private final StaffId requester = StaffId.random();
	private final StaffId approver = StaffId.random();
	private final CaseId caseId = CaseId.random();
	private final RecordRef chosen = RecordRef.recording(UUID.randomUUID());
	private final RecordRef other = RecordRef.recording(UUID.randomUUID());

	private AccessRequest asked(AccessRequest.Scope scope, List<RecordRef> records, int days) {
		return AccessRequest.asked(requester, UnitId.random(), caseId, scope, records, "复议答复", days,
				AccessRequest.Route.DEPUTY_DIRECTOR, ASKED);
	}

	@Test
	@DisplayName("ART-20: an approval grants for the days asked from the moment of approval, and no longer")
	void approvalGrantsForTheDaysAsked() {
		var at = ASKED.plus(Duration.ofHours(5));
		var granted = asked(AccessRequest.Scope.CASE, List.of(), 3).approve(approver, "同意", at);
		assertThat(granted.grantedUntil()).isEqualTo(at.plus(Duration.ofDays(3)));
		assertThat(granted.liveAt(at)).isTrue();
		assertThat(granted.standingAt(at.plus(Duration.ofDays(3)).minusMillis(1))).isEqualTo(AccessRequest.Standing.GRANTED);
		assertThat(granted.liveAt(at.plus(Duration.ofDays(3)))).isFalse();
		assertThat(granted.standingAt(at.plus(Duration.ofDays(3)))).isEqualTo(AccessRequest.Standing.EXPIRED);
	}

	@Test
	@DisplayName("ART-20: a request is decided once; a rejected, expired or revoked one opens nothing and cannot be revived")
	void decidedOnce() {
		var pending = asked(AccessRequest.Scope.CASE, List.of(), 1);
		assertThat(pending.liveAt(ASKED)).isFalse();
		var rejected = pending.reject(approver, "事由不充分", ASKED);
		assertThat(rejected.liveAt(ASKED)).isFalse();
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> rejected.approve(approver, "同意", ASKED));

		var granted = pending.approve(approver, "同意", ASKED);
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> granted.reject(approver, "不同意", ASKED));
		var revoked = granted.revoke(requester, "不再需要", ASKED.plusSeconds(60));
		assertThat(revoked.liveAt(ASKED.plusSeconds(61))).isFalse();
		assertThat(revoked.standingAt(ASKED)).isEqualTo(AccessRequest.Standing.REVOKED);
		assertThatExceptionOfType(Conflict.class).isThrownBy(() -> revoked.revoke(approver, "", ASKED));
		assertThatExceptionOfType(Conflict.class)
			.isThrownBy(() -> granted.revoke(approver, "", ASKED.plus(Duration.ofDays(2))));
	}

	@Test
	@DisplayName("ART-20: a whole-case grant takes in the case's records wherever they came from; a grant of chosen "
			+ "records only those")
	void scopeDecidesWhatIsCovered() {
		var wholeCase = asked(AccessRequest.Scope.CASE, List.of(), 1);
		assertThat(wholeCase.covers(chosen, caseId)).isTrue();
		assertThat(wholeCase.covers(chosen, CaseId.random())).isFalse();
		assertThat(wholeCase.covers(chosen, null)).isFalse();

		var records = asked(AccessRequest.Scope.RECORDS, List.of(chosen), 1);
		assertThat(records.covers(chosen, caseId)).isTrue();
		assertThat(records.covers(other, caseId)).isFalse();
	}

	@Test
	@DisplayName("ART-20: without a grant, an open case's handlers see its records while the setting is on; a closed "
			+ "case's handlers, other staff, and everyone with the setting off do not; the maker sees an unlinked record")
	void whoSeesWithoutAGrant() {
		var handler = StaffId.random();
		var maker = StaffId.random();
		var open = aCase(handler, Case.Status.OPEN);
		var closed = aCase(handler, Case.Status.CLOSED);

		assertThat(AccessPolicy.opensWithoutGrant(true, handler, open, false)).isTrue();
		assertThat(AccessPolicy.opensWithoutGrant(false, handler, open, false)).isFalse();
		assertThat(AccessPolicy.opensWithoutGrant(true, handler, closed, false)).isFalse();
		assertThat(AccessPolicy.opensWithoutGrant(true, maker, open, true)).isFalse();
		assertThat(AccessPolicy.opensWithoutGrant(true, maker, null, true)).isTrue();
		assertThat(AccessPolicy.opensWithoutGrant(false, maker, null, true)).isTrue();
		assertThat(AccessPolicy.opensWithoutGrant(true, handler, null, false)).isFalse();
	}

	private static Case aCase(StaffId handler, Case.Status status) {
		return new Case(CaseId.random(), new CaseNumber("东市监处〔2026〕1号"), CaseKind.ADMINISTRATIVE_PENALTY,
				Procedure.GENERAL, "示例案件", UnitId.random(), false, status, List.of(handler, StaffId.random()),
				List.of(), ASKED, handler, null, null, null);
	}
}
