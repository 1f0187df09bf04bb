package org.lawtrace.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.Page;
import org.lawtrace.cases.CaseApi;
import org.lawtrace.shared.BureauTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/** ART-02: the number the new-case form offers, over plain HTTP as htmx asks for it. */
@LawTraceIntegrationTest
class CaseNumberOfferIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	BureauTime time;

	private Page offered(String query) {
		var html = Api.as(port, "zhang.wei").get().uri("/cases/new/number?" + query).header("HX-Request", "true")
			.accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk().returnResult(String.class)
			.getResponseBody();
		return Page.fragment(html);
	}

	@Test
	@DisplayName("ART-02: the kind's next free number follows the highest one taken this year, in whatever "
			+ "brackets it was typed; a number the officer typed is kept; another kind has its own prefix")
	void offersTheNextFreeNumberOfTheKind() {
		var year = time.today().getYear();
		// above any number the other tests take, so that it is the highest of the year
		var highest = 999_000 + (int) (System.nanoTime() % 900);
		Api.as(port, "zhang.wei").post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
			.body(CaseApi.penaltyCase("东市监处[" + year + "]" + highest + "号")).exchange().expectStatus().isCreated();

		var penalty = offered("kind=ADMINISTRATIVE_PENALTY&caseNumber=&suggested=");
		var next = "东市监处〔" + year + "〕" + (highest + 1) + "号";
		assertThat(penalty.id("caseNumber").val()).isEqualTo(next);
		assertThat(penalty.id("suggested").val()).isEqualTo(next);

		// choosing another kind replaces the offer, but never what the officer typed
		var inspection = offered("kind=SUPERVISION_INSPECTION&caseNumber=" + next + "&suggested=" + next);
		assertThat(inspection.id("caseNumber").val()).startsWith("东市监检〔" + year + "〕").endsWith("号");
		var typed = offered("kind=SUPERVISION_INSPECTION&caseNumber=东市监检〔" + year + "〕7号&suggested=" + next);
		assertThat(typed.id("caseNumber").val()).isEqualTo("东市监检〔" + year + "〕7号");
	}

	@Test
	@DisplayName("The number route is a fragment for htmx; a browser asking for it is sent to the form")
	void browsersAreSentToTheForm() {
		Api.as(port, "zhang.wei").get().uri("/cases/new/number?kind=ADMINISTRATIVE_PENALTY")
			.accept(MediaType.TEXT_HTML).exchange().expectStatus().is3xxRedirection()
			.expectHeader().valueMatches("Location", ".*/cases/new$");
	}
}
