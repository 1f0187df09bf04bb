package org.lawtrace.documents;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

/**
 * The documents API's JSON contract as the tests see it (ART-05, ART-06.2, ART-14), declared apart from the
 * production classes so that a change to the wire shows up here; with it, the few shapes of other modules' resources
 * the documents tests send or read. Responses declare the fields the tests read; the client ignores the others.
 * Requests leave out what is null, as the maps they replace did.
 */
public final class DocumentApi {

	private DocumentApi() {
	}

	/** The {@code metadata} part of {@code POST /api/v1/documents}; without a number the platform numbers it. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record DocumentMetadata(String kind, String caseId, @Nullable String stageId, @Nullable String number,
			String title) {

		public DocumentMetadata withNumber(String number) {
			return new DocumentMetadata(kind, caseId, stageId, number, title);
		}
	}

	/** The {@code metadata} part of {@code POST /api/v1/documents/{id}/versions} (ART-05.4). */
	public record Change(String reason) {
	}

	/** {@code POST /api/v1/documents/{id}/confirmations}: a signature, a seal or a refusal to sign (ART-05.3). */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Confirmation(String kind, String role, @Nullable String signer, @Nullable String name,
			@Nullable List<Integer> pages, @Nullable String witness, @Nullable String recordingId) {

		/** An officer's (or another staff member's) signature. */
		public static Confirmation officer(String signer) {
			return new Confirmation("SIGNATURE", "OFFICER", signer, null, null, null, null);
		}

		/** The party's signature on the given pages (none: the whole document). */
		public static Confirmation party(String name, @Nullable List<Integer> pages) {
			return new Confirmation("SIGNATURE", "PARTY", null, name, pages, null, null);
		}

		/** The bureau's seal. */
		public static Confirmation seal() {
			return new Confirmation("SEAL", "BUREAU", null, null, null, null, null);
		}

		/** The party's refusal to sign, before a witness and with its AV record (ART-06.2). */
		public static Confirmation refusal(String name, @Nullable String witness, @Nullable String recordingId) {
			return new Confirmation("REFUSAL", "PARTY", null, name, null, witness, recordingId);
		}
	}

	/** {@code POST /api/v1/documents/{id}/services}: how, to whom, before whom, where and with what proof. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Service(String method, @Nullable String recipient, @Nullable String witness, @Nullable String place,
			@Nullable String recordingId, @Nullable String proofId, @Nullable OffsetDateTime servedAt) {

		public static Service of(String method) {
			return new Service(method, null, null, null, null, null, null);
		}

		public static Service direct(String recipient, @Nullable String proofId) {
			return new Service("DIRECT", recipient, null, null, null, proofId, null);
		}
	}

	/** A document as {@code /api/v1/documents} answers it. */
	public record DocumentView(String id, KindRef kind, @Nullable String number, int currentVersion, boolean effective,
			List<String> missing, List<ServiceView> services) {
	}

	/** The kind version a document was registered under. */
	public record KindRef(String code, int version) {
	}

	/** A service of a document; its times as the bureau's local time with offset, as sent. */
	public record ServiceView(String method, String servedAt, String deemedServedAt, @Nullable String recordingId,
			@Nullable String proofId) {
	}

	/** {@code PUT /api/v1/document-kinds/{code}}: the administrator's definition of a kind. */
	public record KindDefinition(String chineseName, String englishName, String direction, List<String> confirmations,
			boolean pageByPage, List<String> stageKinds, String volume, int section) {

		public KindDefinition inSection(int section) {
			return new KindDefinition(chineseName, englishName, direction, confirmations, pageByPage, stageKinds,
					volume, section);
		}
	}

	/** {@code GET /api/v1/cases/{id}/file}: the case file's volumes (ART-14). */
	public record CaseFile(Volume main, Volume secondary) {
	}

	/** One volume of a case file. */
	public record Volume(List<VolumeEntry> entries) {
	}

	/** One entry of a volume: its document and the pages it fills, as {@code "2-4"}. */
	public record VolumeEntry(@Nullable String documentId, String pages) {
	}

	/** What the tests read of a created resource of another module (a stage, a recording, an access request). */
	public record Created(String id) {
	}

	/** {@code POST /api/v1/cases/{id}/stages}, the cases module's contract as far as these tests need it. */
	public record NewStage(String kind, OffsetDateTime startedAt, List<String> present) {
	}

	/** {@code POST /api/v1/access-requests} for chosen records (ART-20). */
	public record NewAccessRequest(String caseId, String scope, List<RecordRef> records, String purpose, int days) {
	}

	/** A record named in an access request. */
	public record RecordRef(String kind, String id) {
	}

	/** {@code POST /api/v1/access-requests/{id}/approval}. */
	public record Decision(String opinion) {
	}

	/** One entry of {@code GET /api/v1/audit/entries}. */
	public record AuditEntry(String action) {
	}

	/** {@code GET /api/v1/audit/entries}. */
	public record AuditPage(List<AuditEntry> items) {
	}
}
