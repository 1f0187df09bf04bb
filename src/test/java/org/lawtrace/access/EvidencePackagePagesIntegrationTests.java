package org.lawtrace.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.Uploads;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/** ART-19: the export page over plain HTTP on the pages' chain (session, CSRF): legal affairs only. */
@LawTraceIntegrationTest
class EvidencePackagePagesIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Test
	@DisplayName("ART-19: legal affairs finds a case on the export page, picks a record with what it proves, makes the "
			+ "package and downloads it; a missing recipient is named beside its field; an officer is refused (403)")
	void legalAffairsExportsFromThePage() {
		var number = Api.newCaseNumber();
		var caseId = Api.openCase(port, number);
		var made = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
		var recording = Uploads.upload(Api.as(port, "zhang.wei"), Map.of("recordedBy", "zhang.wei", "caseId", caseId),
				Media.mp4(made, Duration.ofMinutes(2), 4096, System.nanoTime()), "page-export.mp4")
			.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
		Api.approvedAccess(port, "chen.jing", "liu.yang", caseId);

		Api.as(port, "zhang.wei").get().uri("/packages").accept(MediaType.TEXT_HTML).exchange().expectStatus()
			.isForbidden();
		var page = Api.as(port, "chen.jing").get().uri(u -> u.path("/packages").queryParam("caseNumber", number).build())
			.accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk().returnResult(String.class);
		assertThat(page.getResponseBody()).contains("id=\"package-form\"").contains("page-export.mp4")
			.contains("value=\"RECORDING:" + recording + "\"").contains("人民法院");
		var session = page.getResponseHeaders().get(HttpHeaders.SET_COOKIE).stream()
			.filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow().split(";")[0];
		var matcher = CSRF.matcher(page.getResponseBody());
		assertThat(matcher.find()).isTrue();
		var token = matcher.group(1);

		var form = new LinkedMultiValueMap<String, String>();
		form.add("caseId", caseId);
		form.add("recipientKind", "COURT");
		form.add("purpose", "证明现场检查情况");
		form.add("items", "RECORDING:" + recording);
		form.add("prove." + recording, "证明现场查获过期食品");
		Api.as(port, "chen.jing").post().uri("/packages").header(HttpHeaders.COOKIE, session)
			.header("X-CSRF-TOKEN", token).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).exchange()
			.expectStatus().isOk().expectBody(String.class)
			.value(html -> assertThat(html).contains("id=\"recipient-error\""));

		form.add("recipient", "东阳市人民法院");
		var created = Api.as(port, "chen.jing").post().uri("/packages").header(HttpHeaders.COOKIE, session)
			.header("X-CSRF-TOKEN", token).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).exchange()
			.expectStatus().is3xxRedirection().returnResult(String.class).getResponseHeaders().getLocation().toString();
		assertThat(created).contains("/packages?created=");
		var id = created.substring(created.indexOf('=') + 1);

		Api.as(port, "chen.jing").get().uri("/packages").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
			.expectBody(String.class).value(html -> assertThat(html).contains("/packages/" + id + "/download"));
		var zip = Api.as(port, "chen.jing").get().uri("/packages/{id}/download", id).exchange().expectStatus().isOk()
			.expectHeader().contentType("application/zip").expectBody(byte[].class).returnResult().getResponseBody();
		assertThat(new String(zip, 0, 2)).isEqualTo("PK");
		Api.as(port, "chen.jing").get().uri("/api/v1/evidence-packages/{id}", id).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.items[0].offeredToProve").isEqualTo("证明现场查获过期食品")
			.jsonPath("$.itemCount").isEqualTo(1);
		Api.as(port, "zhang.wei").get().uri("/packages/{id}/download", id).exchange().expectStatus().isForbidden();
	}
}
