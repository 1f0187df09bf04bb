package org.lawtrace.access;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

/**
 * The JSON contract of the access requests and evidence packages (ART-19, ART-20) as the tests see it, declared
 * apart from the production classes so that a change to the wire shows up here; with it, the few shapes of other
 * modules' resources the access tests send or read. Responses declare the fields the tests read; the client ignores
 * the others. Requests leave out what is null, as the maps they replace did.
 */
public final class AccessApi {

	private AccessApi() {
	}

	/** {@code POST /api/v1/access-requests}: a whole case ({@code CASE}) or chosen records of it ({@code RECORDS}). */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record NewAccessRequest(String caseId, String scope, @Nullable List<RecordRef> records, String purpose,
			int days) {

		public static NewAccessRequest wholeCase(String caseId, String purpose, int days) {
			return new NewAccessRequest(caseId, "CASE", null, purpose, days);
		}
	}

	/** A record named in a request: {@code RECORDING} or {@code DOCUMENT}, and its id. */
	public record RecordRef(String kind, String id) {
	}

	/** {@code POST /api/v1/access-requests/{id}/approval} and {@code .../rejection}. */
	public record Decision(String opinion) {
	}

	/** {@code POST /api/v1/access-requests/{id}/revocation}. */
	public record Revocation(String reason) {
	}

	/** A person as a request names them. */
	public record Person(String username, String name) {
	}

	/** What a request shows of its case: labels only. */
	public record CaseLabels(String id, @Nullable String caseNumber, @Nullable String title, boolean major) {
	}

	/** An access request as {@code /api/v1/access-requests} answers it. */
	public record AccessRequestView(String id, CaseLabels caseLabels, String scope, String route, String status,
			String standing, @Nullable Person decidedBy, @Nullable String opinion,
			@Nullable OffsetDateTime grantedUntil, @Nullable Person revokedBy) {
	}

	/** {@code POST /api/v1/evidence-packages}: a whole case (no items) or chosen records. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record PackageOrder(String recipientKind, @Nullable String recipient, String purpose, String caseId,
			@Nullable List<OrderItem> items) {

		public static PackageOrder wholeCase(String recipientKind, String recipient, String purpose, String caseId) {
			return new PackageOrder(recipientKind, recipient, purpose, caseId, null);
		}
	}

	/** One chosen record of an order, with what it is offered to prove (empty: the package's purpose). */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record OrderItem(String kind, String id, @Nullable String offeredToProve) {
	}

	/** An evidence package as {@code /api/v1/evidence-packages} answers it. */
	public record PackageView(String id, int itemCount, @Nullable OffsetDateTime expiresAt) {
	}

	/** A package's {@code metadata/items.json}. */
	public record BagItems(List<BagItem> items) {
	}

	/** One item of {@code metadata/items.json}. */
	public record BagItem(String id, String kind, String file, String offeredToProve, String madeBy, String method,
			String carrier, @Nullable String transcript) {
	}

	/** What the tests read of a created resource of another module (a case, a recording, a document, a station). */
	public record Created(String id) {
	}

	/** {@code POST /api/v1/cases}, the cases module's contract as far as the access tests need it. */
	public record NewCase(String caseNumber, String kind, String procedure, String title, boolean major,
			List<String> handlers, List<Party> parties) {

		/** A penalty case handled by the two demo officers, for one organisation (as {@code Api.penaltyCase}). */
		public static NewCase penalty(String caseNumber, boolean major) {
			return new NewCase(caseNumber, "ADMINISTRATIVE_PENALTY", "GENERAL", "东阳市示例食品有限公司销售过期食品案", major,
					List.of("zhang.wei", "li.na"),
					List.of(new Party("ORGANIZATION", "东阳市示例食品有限公司", "91330783MA2HX7Q5PJ")));
		}
	}

	/** A party of a new case. */
	public record Party(String kind, String name, String idNumber) {
	}

	/** A recording as {@code /api/v1/recordings} answers it, as far as the access tests read it. */
	public record RecordingView(String id, @Nullable String caseId, String sha256) {
	}

	/** {@code GET /api/v1/recordings}. */
	public record RecordingPage(List<RecordingView> items, long total) {
	}

	/** The metadata part of {@code POST /api/v1/documents}. */
	public record DocumentMetadata(String kind, String caseId, String title) {
	}

	/** {@code POST /api/v1/compliance/recordings/{id}/bookmarks}, a bookmark at an offset. */
	public record NewBookmark(String kind, long offsetSeconds) {
	}

	/** One entry of {@code GET /api/v1/audit/entries}. */
	public record AuditEntry(String actor, String action, String subjectId, String outcome, String detail) {
	}

	/** {@code GET /api/v1/audit/entries}. */
	public record AuditPage(List<AuditEntry> items) {
	}

	/** One of {@code GET /api/v1/units}. */
	public record Unit(String id, String code, String name) {
	}

	/** {@code POST /api/v1/stations}. */
	public record NewStation(String name, String username, String unitId, String location) {
	}

	/** {@code POST /api/v1/stations/{id}/tokens} and {@code /api/v1/staff/me/tokens}. */
	public record NewToken(String name) {
	}

	/** The answer to a token request: the token itself, shown this once. */
	public record IssuedToken(String id, String token) {
	}
}
