package org.lawtrace.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.Page;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.Uploads;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/** ART-19: the export page over plain HTTP on the pages' chain (session, CSRF): legal affairs only. */
@LawTraceIntegrationTest
class EvidencePackagePagesIntegrationTests {

	@LocalServerPort
	int port;

	/** The upload's metadata part. */
	private record Metadata(String recordedBy, String caseId) {
	}

	/** What the API answers about what it stored; only its id is read here. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	private record Created(String id) {
	}

	@Test
	@DisplayName("ART-19: legal affairs finds a case on the export page, picks a record with what it proves, makes the "
			+ "package and downloads it; a missing recipient is named beside its field; an officer is refused (403)")
	void legalAffairsExportsFromThePage() {
		var number = Api.newCaseNumber();
		var caseId = Api.openCase(port, number);
		var made = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
		var recording = Uploads.upload(Api.as(port, "zhang.wei"), Page.fieldsOf(new Metadata("zhang.wei", caseId)),
				Media.mp4(made, Duration.ofMinutes(2), 4096, System.nanoTime()), "page-export.mp4")
			.expectStatus().isCreated().expectBody(Created.class).returnResult().getResponseBody().id();
		Api.approvedAccess(port, "chen.jing", "liu.yang", caseId);

		Api.as(port, "zhang.wei").get().uri("/packages").accept(MediaType.TEXT_HTML).exchange().expectStatus()
			.isForbidden();
		var page = Api.as(port, "chen.jing").get().uri(u -> u.path("/packages").queryParam("caseNumber", number).build())
			.accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk().returnResult(String.class);
		var exportPage = Page.of(page.getResponseBody());
		var packageForm = exportPage.one("form#package-form");
		var item = exportPage.field("items", "RECORDING:" + recording);
		assertThat(item.closest("form")).isEqualTo(packageForm);
		assertThat(exportPage.text("label[for=" + item.id() + "]")).isEqualTo("page-export.mp4");
		assertThat(packageForm.select("select#recipientKind option").eachText()).contains("人民法院");
		var session = page.getResponseHeaders().get(HttpHeaders.SET_COOKIE).stream()
			.filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow().split(";")[0];
		var token = exportPage.csrfToken();

		var form = new LinkedMultiValueMap<String, String>();
		form.add("caseId", caseId);
		form.add("recipientKind", "COURT");
		form.add("purpose", "证明现场检查情况");
		form.add("items", "RECORDING:" + recording);
		form.add("prove." + recording, "证明现场查获过期食品");
		Api.as(port, "chen.jing").post().uri("/packages").header(HttpHeaders.COOKIE, session)
			.header("X-CSRF-TOKEN", token).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).exchange()
			.expectStatus().isOk().expectBody(String.class)
			.value(html -> {
				var refused = Page.of(html);
				assertThat(refused.one("form#package-form #recipient-error").text()).isNotBlank();
				assertThat(refused.one("#package-form input#recipient").val()).isEmpty();
			});

		form.add("recipient", "东阳市人民法院");
		var created = Api.as(port, "chen.jing").post().uri("/packages").header(HttpHeaders.COOKIE, session)
			.header("X-CSRF-TOKEN", token).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).exchange()
			.expectStatus().is3xxRedirection().returnResult(String.class).getResponseHeaders().getLocation().toString();
		assertThat(created).contains("/packages?created=");
		var id = created.substring(created.indexOf('=') + 1);

		Api.as(port, "chen.jing").get().uri("/packages").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
			.expectBody(String.class).value(html -> assertThat(Page.of(html).link("/packages/" + id + "/download")
				.parents().is("table#packages tr.package-row")).as("a made package's row links its download").isTrue());
		var zip = Api.as(port, "chen.jing").get().uri("/packages/{id}/download", id).exchange().expectStatus().isOk()
			.expectHeader().contentType("application/zip").expectBody(byte[].class).returnResult().getResponseBody();
		assertThat(new String(zip, 0, 2)).isEqualTo("PK");
		Api.as(port, "chen.jing").get().uri("/api/v1/evidence-packages/{id}", id).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.items[0].offeredToProve").isEqualTo("证明现场查获过期食品")
			.jsonPath("$.itemCount").isEqualTo(1);
		Api.as(port, "zhang.wei").get().uri("/packages/{id}/download", id).exchange().expectStatus().isForbidden();
	}

	@Test
	@DisplayName("ART-19, issue 15: with no record ticked, the 证明目的 typed for one record is packed with it, not "
			+ "dropped; every missing field is named at once and what was typed stays on the form")
	void noRecordTickedKeepsWhatWasTyped() {
		var number = Api.newCaseNumber();
		var caseId = Api.openCase(port, number);
		var made = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
		var first = Uploads.upload(Api.as(port, "zhang.wei"), Page.fieldsOf(new Metadata("zhang.wei", caseId)),
				Media.mp4(made, Duration.ofMinutes(2), 4096, System.nanoTime()), "whole-first.mp4")
			.expectStatus().isCreated().expectBody(Created.class).returnResult().getResponseBody().id();
		Uploads.upload(Api.as(port, "zhang.wei"), Page.fieldsOf(new Metadata("zhang.wei", caseId)),
				Media.mp4(made.plusSeconds(300), Duration.ofMinutes(2), 4096, System.nanoTime()), "whole-second.mp4")
			.expectStatus().isCreated();
		Api.approvedAccess(port, "chen.jing", "liu.yang", caseId);
		var page = Api.as(port, "chen.jing").get().uri(u -> u.path("/packages").queryParam("caseId", caseId).build())
			.accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk().returnResult(String.class);
		var exportPage = Page.of(page.getResponseBody());
		assertThat(exportPage.all("#candidates .record-access").eachAttr("data-state")).containsOnly("GRANTED");
		var session = page.getResponseHeaders().get(HttpHeaders.SET_COOKIE).stream()
			.filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow().split(";")[0];
		var token = exportPage.csrfToken();

		var form = new LinkedMultiValueMap<String, String>();
		form.add("caseId", caseId);
		form.add("recipientKind", "RECONSIDERATION_BODY");
		form.add("prove." + first, "证明执法人员出示证件");
		Api.as(port, "chen.jing").post().uri("/packages").header(HttpHeaders.COOKIE, session)
			.header("X-CSRF-TOKEN", token).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).exchange()
			.expectStatus().isOk().expectBody(String.class)
			.value(html -> {
				var refused = Page.of(html);
				assertThat(refused.one("#recipient-error").text()).as("the recipient is named").isNotBlank();
				assertThat(refused.one("#purpose-error").text()).as("and the purpose, in the same answer").isNotBlank();
				assertThat(refused.one("#package-form input[name=prove." + first + "]").val())
					.isEqualTo("证明执法人员出示证件");
				assertThat(refused.one("#recipientKind option[selected]").val()).isEqualTo("RECONSIDERATION_BODY");
			});

		form.add("recipient", "东阳市人民政府");
		form.add("purpose", "行政复议答复");
		var created = Api.as(port, "chen.jing").post().uri("/packages").header(HttpHeaders.COOKIE, session)
			.header("X-CSRF-TOKEN", token).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).exchange()
			.expectStatus().is3xxRedirection().returnResult(String.class).getResponseHeaders().getLocation().toString();
		var id = created.substring(created.indexOf('=') + 1);
		Api.as(port, "chen.jing").get().uri("/api/v1/evidence-packages/{id}", id).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.itemCount").isEqualTo(2)
			.jsonPath("$.items[0].offeredToProve").isEqualTo("证明执法人员出示证件")
			.jsonPath("$.items[1].offeredToProve").isEqualTo("行政复议答复");
	}
}
