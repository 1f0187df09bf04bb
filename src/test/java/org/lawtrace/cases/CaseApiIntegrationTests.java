package org.lawtrace.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.cases.CaseApi.CasePage;
import org.lawtrace.cases.CaseApi.CaseView;
import org.lawtrace.cases.CaseApi.NewParty;
import org.lawtrace.cases.CaseApi.NewStage;
import org.lawtrace.cases.CaseApi.StageKindView;
import org.lawtrace.cases.CaseApi.StageView;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@LawTraceIntegrationTest
class CaseApiIntegrationTests {

	private static final ParameterizedTypeReference<List<StageView>> STAGES = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	int port;

	private RestTestClient officer() {
		return Api.as(port, "zhang.wei");
	}

	/** Opens a case from a well-formed body, or from a map for a body broken on purpose. */
	private RestTestClient.ResponseSpec open(Object body) {
		return officer().post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

	@Test
	@DisplayName("ART-02: an officer opens a penalty case and reads it back")
	void officerOpensPenaltyCaseAndReadsItBack() {
		var number = Api.newCaseNumber();
		var answer = open(CaseApi.penaltyCase(number))
			.expectStatus().isCreated()
			.expectHeader().valueMatches("Location", "/api/v1/cases/[0-9a-f-]{36}")
			.returnResult(CaseView.class);
		var opened = answer.getResponseBody();
		assertThat(opened.caseNumber()).isEqualTo(number);
		assertThat(opened.status()).isEqualTo("OPEN");
		assertThat(opened.kind()).isEqualTo("ADMINISTRATIVE_PENALTY");
		assertThat(opened.handlers().get(0).username()).isEqualTo("zhang.wei");
		assertThat(opened.handlers().get(1).name()).isEqualTo("李娜");
		assertThat(opened.handlingUnit().name()).isEqualTo("执法稽查队");
		assertThat(opened.parties().get(0).idNumber()).isEqualTo("91330783MA2HX7Q5PJ");
		assertThat(opened.openedAt()).endsWith("+08:00");

		var read = Api.as(port, "liu.yang").get().uri(answer.getResponseHeaders().getLocation()).exchange()
			.expectStatus().isOk()
			.returnResult(CaseView.class).getResponseBody();
		assertThat(read.caseNumber()).isEqualTo(number);
	}

	@Test
	@DisplayName("ART-08: a penalty case with a single handler is refused, naming the handlers field")
	void refusesPenaltyCaseWithOneHandler() {
		open(CaseApi.penaltyCase(Api.newCaseNumber()).withHandlers("zhang.wei"))
			.expectStatus().isBadRequest()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.field").isEqualTo("handlers")
			.jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("ART-08"));
	}

	@Test
	@DisplayName("ART-08: an assistant never counts as one of the two officers")
	void assistantDoesNotCountAsOfficer() {
		open(CaseApi.penaltyCase(Api.newCaseNumber()).withHandlers("zhang.wei", "wang.qiang"))
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("handlers")
			.jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("wang.qiang"));
	}

	@Test
	@DisplayName("ART-08: an officer whose certificate has expired does not count")
	void officerWithExpiredCertificateDoesNotCount() {
		open(CaseApi.penaltyCase(Api.newCaseNumber()).withHandlers("zhang.wei", "huang.lei"))
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("handlers")
			.jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("huang.lei").contains("到期"));
	}

	@Test
	@DisplayName("ART-02: a supervision inspection needs only one qualified officer")
	void inspectionNeedsOneOfficer() {
		var body = CaseApi.penaltyCase(Api.newCaseNumber().replace("处", "检")).withKind("SUPERVISION_INSPECTION")
			.withHandlers("zhang.wei", "wang.qiang");
		open(body).expectStatus().isCreated();
	}

	@Test
	@DisplayName("A party with a credit code that fails the GB 32100 check digit is refused, naming the field")
	void refusesBadCreditCode() {
		open(CaseApi.penaltyCase(Api.newCaseNumber())
			.withParties(new NewParty("ORGANIZATION", "某公司", "91330783MA2HX7Q5PK")))
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("parties[0].idNumber");
	}

	@Test
	@DisplayName("A natural person with a resident ID that fails the GB 11643 check is refused, naming the field")
	void refusesBadResidentId() {
		open(CaseApi.penaltyCase(Api.newCaseNumber())
			.withParties(new NewParty("NATURAL_PERSON", "王某", "330783198503124017")))
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("parties[0].idNumber");
	}

	@Test
	@DisplayName("A duplicate case number is refused with 409, naming the field")
	void refusesDuplicateCaseNumber() {
		var number = Api.newCaseNumber();
		open(CaseApi.penaltyCase(number)).expectStatus().isCreated();
		open(CaseApi.penaltyCase(number))
			.expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.field").isEqualTo("caseNumber");
	}

	@Test
	@DisplayName("ART-02: the same number in other brackets ([2026], （2026）, ［2026］) is the same number: stored as "
			+ "〔2026〕 and refused as taken with 409 naming the field")
	void bracketsAreNormalisedSoNoSpellingMakesASecondCase() {
		var number = Api.newCaseNumber();
		var square = number.replace('〔', '[').replace('〕', ']');
		var opened = open(CaseApi.penaltyCase(square)).expectStatus().isCreated()
			.returnResult(CaseView.class).getResponseBody();
		assertThat(opened.caseNumber()).isEqualTo(number);
		for (var spelling : List.of(number, number.replace('〔', '（').replace('〕', '）'),
				number.replace('〔', '［').replace('〕', '］'), " " + number.replace('〔', '(').replace('〕', ')'))) {
			open(CaseApi.penaltyCase(spelling))
				.expectStatus().isEqualTo(409)
				.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody().jsonPath("$.field").isEqualTo("caseNumber");
		}
		// and a search in any spelling finds it
		Api.as(port, "liu.yang").get().uri(u -> u.path("/api/v1/cases").queryParam("number", square).build())
			.exchange().expectBody().jsonPath("$.total").isEqualTo(1);
	}

	@Test
	@DisplayName("ART-02: a case number outside the bureau's format is refused")
	void refusesMalformedCaseNumber() {
		open(CaseApi.penaltyCase("2026-12"))
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("caseNumber");
	}

	@Test
	void refusesUnknownKindNamingTheField() {
		open(CaseApi.penaltyCase(Api.newCaseNumber()).withKind("PARKING_TICKET"))
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("kind")
			.jsonPath("$.trace").doesNotExist()
			.jsonPath("$.exception").doesNotExist();
	}

	@Test
	void refusesMissingTitleNamingTheField() {
		// a map, so that the field is absent rather than null
		var body = new HashMap<>(Api.penaltyCase(Api.newCaseNumber()));
		body.remove("title");
		open(body).expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("title");
	}

	@Test
	void refusesMalformedJsonWithoutLeakingInternals() {
		officer().post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON).body("{\"caseNumber\": ")
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody(String.class).value(body -> assertThat(body).doesNotContain("at org.").doesNotContain("Exception"));
	}

	@Test
	void answersNotFoundForUnknownCaseAndBadRequestForMalformedId() {
		officer().get().uri("/api/v1/cases/00000000-0000-0000-0000-000000000000").exchange()
			.expectStatus().isNotFound();
		officer().get().uri("/api/v1/cases/not-a-uuid").exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("id");
	}

	@Test
	@DisplayName("Security by default: no credentials 401, wrong password 401, administrator cannot read cases 403")
	void deniesUnlessARoleAllows() {
		Api.anonymous(port).get().uri("/api/v1/cases").exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		Api.as(port, "li.na", "wrong").get().uri("/api/v1/cases").exchange().expectStatus().isUnauthorized();
		Api.as(port, "admin").get().uri("/api/v1/cases").exchange().expectStatus().isForbidden();
		Api.as(port, "wang.qiang").post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
			.body(CaseApi.penaltyCase(Api.newCaseNumber())).exchange()
			.expectStatus().isForbidden();
	}

	@Test
	void searchesByNumberPartyHandlerStatusAndDate() {
		var number = Api.newCaseNumber();
		var id = Api.openCase(port, number);
		var reader = Api.as(port, "zhou.tao");
		var byNumber = reader.get().uri(u -> u.path("/api/v1/cases").queryParam("number", number).build()).exchange()
			.expectStatus().isOk()
			.returnResult(CasePage.class).getResponseBody();
		assertThat(byNumber.total()).isEqualTo(1);
		assertThat(byNumber.items().get(0).id()).isEqualTo(id);
		reader.get().uri(u -> u.path("/api/v1/cases").queryParam("number", number)
				.queryParam("party", "91330783MA2HX7Q5PJ").queryParam("handler", "li.na")
				.queryParam("status", "OPEN").build()).exchange()
			.expectBody().jsonPath("$.total").isEqualTo(1);
		reader.get().uri(u -> u.path("/api/v1/cases").queryParam("number", number).queryParam("handler", "chen.hao")
				.build()).exchange()
			.expectBody().jsonPath("$.total").isEqualTo(0);
		reader.get().uri(u -> u.path("/api/v1/cases").queryParam("number", number).queryParam("status", "CLOSED")
				.build()).exchange()
			.expectBody().jsonPath("$.total").isEqualTo(0);
		reader.get().uri(u -> u.path("/api/v1/cases").queryParam("number", number).queryParam("to", "2020-01-01")
				.build()).exchange()
			.expectBody().jsonPath("$.total").isEqualTo(0);
		assertThat(reader.get()
			.uri(u -> u.path("/api/v1/cases").queryParam("party", "示例食品").queryParam("size", "200").build())
			.exchange()
			.returnResult(CasePage.class).getResponseBody().items()).extracting(CaseView::caseNumber).contains(number);
		reader.get().uri(u -> u.path("/api/v1/cases").queryParam("size", "1000").build()).exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("size");
	}

	@Test
	@DisplayName("ART-06.3: a seizure stage is AV-mandatory under ART-06.3 and shows on the case's timeline in order")
	void recordsStagesInTimeOrder() {
		var id = Api.openCase(port, Api.newCaseNumber());
		var seizure = officer().post().uri("/api/v1/cases/{id}/stages", id).contentType(MediaType.APPLICATION_JSON)
			.body(NewStage.of("SEIZURE", "2026-11-20T09:30:00+08:00", "zhang.wei", "li.na")
				.endingAt("2026-11-20T10:15:00+08:00").at("东阳市吴宁街道艺海路18号"))
			.exchange()
			.expectStatus().isCreated()
			.returnResult(StageView.class).getResponseBody();
		assertThat(seizure.avMandatory()).isTrue();
		assertThat(seizure.article()).isEqualTo("ART-06.3");
		assertThat(seizure.present().get(1).username()).isEqualTo("li.na");
		assertThat(seizure.startedAt()).isEqualTo("2026-11-20T09:30:00+08:00");
		var filing = officer().post().uri("/api/v1/cases/{id}/stages", id).contentType(MediaType.APPLICATION_JSON)
			.body(NewStage.of("FILING", "2026-11-19T09:00:00+08:00", "zhang.wei"))
			.exchange()
			.expectStatus().isCreated()
			.returnResult(StageView.class).getResponseBody();
		assertThat(filing.avMandatory()).isFalse();

		assertThat(Api.as(port, "sun.li").get().uri("/api/v1/cases/{id}/stages", id).exchange()
			.expectStatus().isOk()
			.returnResult(STAGES).getResponseBody()).extracting(StageView::kind).containsExactly("FILING", "SEIZURE");
	}

	@Test
	@DisplayName("ART-07: only the case's own handlers record its stages")
	void onlyHandlersRecordStages() {
		var id = Api.openCase(port, Api.newCaseNumber());
		Api.as(port, "chen.hao").post().uri("/api/v1/cases/{id}/stages", id).contentType(MediaType.APPLICATION_JSON)
			.body(NewStage.of("ON_SITE_INSPECTION", "2026-11-20T09:30:00+08:00", "chen.hao"))
			.exchange()
			.expectStatus().isForbidden();
	}

	@Test
	void refusesBadStagesNamingTheField() {
		var id = Api.openCase(port, Api.newCaseNumber());
		stage(id, NewStage.of("SEIZURE", "2026-11-20T10:30:00+08:00", "zhang.wei").endingAt("2026-11-20T09:30:00+08:00"),
				"endedAt");
		stage(id, NewStage.of("SEIZURE", "2026-11-20T09:30:00+08:00", "nobody.here"), "present");
		stage(id, NewStage.of("SEIZURE", "2026-11-20T09:30:00+08:00"), "present");
		stage(id, NewStage.of("TEA_BREAK", "2026-11-20T09:30:00+08:00", "zhang.wei"), "kind");
		stage(id, NewStage.of("SEIZURE", "yesterday", "zhang.wei"), "startedAt");
		stage(id, NewStage.of("SEIZURE", "2099-11-20T09:30:00+08:00", "zhang.wei"), "startedAt");
		assertThat(Api.as(port, "liu.yang").get().uri("/api/v1/cases/{id}/stages", id).exchange()
			.returnResult(STAGES).getResponseBody()).isEmpty();
	}

	private void stage(String caseId, NewStage body, String field) {
		officer().post().uri("/api/v1/cases/{id}/stages", caseId).contentType(MediaType.APPLICATION_JSON).body(body)
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo(field);
	}

	@Test
	@DisplayName("ART-16.1: closing sets the day retention counts from; a closed case takes no more stages")
	void closingFixesTheRetentionDayAndStopsNewStages() {
		var id = Api.openCase(port, Api.newCaseNumber());
		var closed = officer().post().uri("/api/v1/cases/{id}/close", id).exchange()
			.expectStatus().isOk()
			.returnResult(CaseView.class).getResponseBody();
		assertThat(closed.status()).isEqualTo("CLOSED");
		assertThat(closed.closedOn()).isNotEmpty();
		assertThat(closed.closedBy()).isEqualTo("zhang.wei");
		officer().post().uri("/api/v1/cases/{id}/close", id).exchange()
			.expectStatus().isEqualTo(409);
		officer().post().uri("/api/v1/cases/{id}/stages", id).contentType(MediaType.APPLICATION_JSON)
			.body(NewStage.of("OTHER", "2026-11-20T09:30:00+08:00", "zhang.wei"))
			.exchange()
			.expectStatus().isEqualTo(409);
	}

	@Test
	void listsStageKindsWithTheirArticles() {
		var kinds = officer().get().uri("/api/v1/stage-kinds").exchange()
			.expectStatus().isOk()
			.returnResult(new ParameterizedTypeReference<List<StageKindView>>() {
			}).getResponseBody();
		assertThat(kinds).filteredOn(k -> k.kind().equals("SEALING_UP")).extracting(StageKindView::article)
			.containsExactly("ART-06.3");
		assertThat(kinds).filteredOn(k -> k.kind().equals("HEARING")).extracting(StageKindView::avMandatory)
			.containsExactly(true);
		assertThat(kinds).filteredOn(k -> k.kind().equals("QUESTIONING")).extracting(StageKindView::avMandatory)
			.containsExactly(false);
	}
}
