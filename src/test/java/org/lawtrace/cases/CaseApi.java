package org.lawtrace.cases;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON contract of the cases API ({@code /api/v1/cases}, {@code /api/v1/stage-kinds}) as the tests pin it,
 * independently of the production classes: field names exactly as on the wire, ids and times as the strings sent.
 * Request bodies leave out what is {@code null}, as a client that does not send a field would.
 */
public final class CaseApi {

	private CaseApi() {
	}

	/** A valid penalty case body, handled by the two demo officers, for one organisation. */
	public static OpenCase penaltyCase(String caseNumber) {
		return new OpenCase(caseNumber, "ADMINISTRATIVE_PENALTY", "GENERAL", "东阳市示例食品有限公司销售过期食品案", false,
				List.of("zhang.wei", "li.na"),
				List.of(new NewParty("ORGANIZATION", "东阳市示例食品有限公司", "91330783MA2HX7Q5PJ")));
	}

	/** POST /api/v1/cases: opens a case (ART-02). */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record OpenCase(String caseNumber, String kind, String procedure, String title, Boolean major,
			List<String> handlers, List<NewParty> parties) {

		public OpenCase withKind(String kind) {
			return new OpenCase(caseNumber, kind, procedure, title, major, handlers, parties);
		}

		public OpenCase withMajor(boolean major) {
			return new OpenCase(caseNumber, kind, procedure, title, major, handlers, parties);
		}

		public OpenCase withTitle(String title) {
			return new OpenCase(caseNumber, kind, procedure, title, major, handlers, parties);
		}

		public OpenCase withHandlers(String... handlers) {
			return new OpenCase(caseNumber, kind, procedure, title, major, List.of(handlers), parties);
		}

		public OpenCase withParties(NewParty... parties) {
			return new OpenCase(caseNumber, kind, procedure, title, major, handlers, List.of(parties));
		}
	}

	/** A party of a case being opened: {@code kind} is NATURAL_PERSON or ORGANIZATION. */
	public record NewParty(String kind, String name, String idNumber) {
	}

	/** POST /api/v1/cases/{id}/stages: a stage of a case (ART-06). Times are ISO offset date-times. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record NewStage(String kind, String startedAt, String endedAt, String place, List<String> present,
			String note) {

		public static NewStage of(String kind, String startedAt, String... present) {
			return new NewStage(kind, startedAt, null, null, List.of(present), null);
		}

		public NewStage endingAt(String endedAt) {
			return new NewStage(kind, startedAt, endedAt, place, present, note);
		}

		public NewStage at(String place) {
			return new NewStage(kind, startedAt, endedAt, place, present, note);
		}
	}

	/** One case as GET /api/v1/cases/{id} and the case's other routes answer it. */
	public record CaseView(String id, String caseNumber, String kind, String kindName, String procedure, String title,
			UnitRef handlingUnit, boolean major, String status, List<PersonRef> handlers, List<Party> parties,
			String openedAt, String openedBy, String closedOn, String closedAt, String closedBy) {
	}

	/** A page of GET /api/v1/cases. */
	public record CasePage(List<CaseView> items, long total, int page, int size) {
	}

	/** A handling unit as a case names it. */
	public record UnitRef(String id, String name) {
	}

	/** A member of staff as a case or a stage names them. */
	public record PersonRef(String username, String name) {
	}

	/** A party as a case answers it. */
	public record Party(String kind, String name, String idNumber) {
	}

	/** One stage of a case. */
	public record StageView(String id, String caseId, String kind, String kindName, boolean avMandatory,
			String article, String startedAt, String endedAt, String place, List<PersonRef> present, String note,
			String recordedBy, String recordedAt) {
	}

	/** One entry of GET /api/v1/stage-kinds. */
	public record StageKindView(String kind, String chineseName, String englishName, boolean avMandatory,
			String article) {
	}
}
