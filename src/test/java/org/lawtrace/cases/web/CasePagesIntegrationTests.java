package org.lawtrace.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.Page;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The case pages over plain HTTP: the same roles as the REST API, htmx fragments, and readable errors. */
@LawTraceIntegrationTest
class CasePagesIntegrationTests {

	@LocalServerPort
	int port;

	private RestTestClient.ResponseSpec page(String username, String path) {
		return Api.as(port, username).get().uri(path).accept(MediaType.TEXT_HTML).exchange();
	}

	@Test
	@DisplayName("A case page is read by every role the API lets read cases, and refused to the administrator")
	void casePagesFollowTheApisRoles() {
		var number = Api.newCaseNumber();
		var id = Api.openCase(port, number);
		for (var reader : List.of("zhang.wei", "wang.qiang", "zhao.min", "chen.jing", "liu.yang", "sun.li",
				"zhou.tao")) {
			page(reader, "/cases/" + id).expectStatus().isOk()
				.expectBody(String.class)
				.value(html -> assertThat(Page.of(html).text("h1#case-number")).as(reader).isEqualTo(number));
		}
		page("admin", "/cases/" + id).expectStatus().isForbidden()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class).value(html -> {
				var page = Page.of(html);
				page.one("main#error-page");
				page.lacks(number);
			});
		page("admin", "/cases").expectStatus().isForbidden();
	}

	@Test
	@DisplayName("Only officers get the new-case form")
	void onlyOfficersGetTheNewCaseForm() {
		page("zhang.wei", "/cases/new").expectStatus().isOk();
		page("wang.qiang", "/cases/new").expectStatus().isForbidden();
		page("liu.yang", "/cases/new").expectStatus().isForbidden();
	}

	@Test
	void answersHtmxWithJustTheResultsAndBrowsersWithTheWholePage() {
		var number = Api.newCaseNumber();
		Api.openCase(port, number);
		Api.as(port, "zhou.tao").get().uri(u -> u.path("/cases").queryParam("number", number).build())
			.header("HX-Request", "true").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).value(html -> {
				var results = Page.fragment(html).root();
				assertThat(results.tagName() + "#" + results.id()).isEqualTo("div#results");
				assertThat(results.select("tr.case-row td:first-child a").eachText()).containsExactly(number);
			});
		page("zhou.tao", "/cases?number=" + number).expectStatus().isOk()
			.expectBody(String.class).value(html -> {
				var page = Page.of(html);
				assertThat(page.one("form#case-search input[name=number]").val()).isEqualTo(number);
				assertThat(page.all("#results tr.case-row td:first-child a").eachText()).containsExactly(number);
			});
	}

	@Test
	@DisplayName("Unknown or malformed case addresses answer with the error page, never JSON or a trace")
	void unknownAndMalformedCasesGetTheErrorPage() {
		page("zhang.wei", "/cases/00000000-0000-0000-0000-000000000000").expectStatus().isNotFound()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
		page("zhang.wei", "/cases/not-a-uuid").expectStatus().isBadRequest()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.value(html -> Page.of(html).lacks("Exception").one("main#error-page"));
		page("zhang.wei", "/cases?from=yesterday").expectStatus().isBadRequest()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
	}
}
