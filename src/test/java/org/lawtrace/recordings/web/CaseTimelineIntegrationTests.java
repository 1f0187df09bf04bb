package org.lawtrace.recordings.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.Page;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.RecordingApi.UploadMetadata;
import org.lawtrace.recordings.Uploads;
import org.lawtrace.shared.BureauTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The case timeline (ART-06 at a glance) as the case page loads it: per stage, the recordings' coverage and, on a
 * stage ART-06 wants recorded throughout, the gaps; recordings a viewer may not see (ART-20) cover the stage on the
 * picture too, but as "recorded, needs approval" without their name, link or id.
 */
@LawTraceIntegrationTest
class CaseTimelineIntegrationTests {

	private static final AtomicLong SEED = new AtomicLong(System.nanoTime());
	private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");

	@LocalServerPort
	int port;

	@Autowired
	BureauTime time;

	private record Stage(String kind, String startedAt, String endedAt, List<String> present) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	private record Stored(String id, String originalName) {
	}

	private String stage(String caseId, String kind, OffsetDateTime start, OffsetDateTime end) {
		return Api.as(port, "zhang.wei").post().uri("/api/v1/cases/{id}/stages", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new Stage(kind, start.toString(), end.toString(), List.of("zhang.wei", "li.na")))
			.exchange().expectStatus().isCreated()
			.returnResult(Stored.class).getResponseBody().id();
	}

	private Stored video(String caseId, String stageId, OffsetDateTime from, OffsetDateTime to) {
		var bytes = Media.mp4(from.toInstant(), Duration.between(from, to), 32 * 1024 + 7, SEED.incrementAndGet());
		return Uploads.upload(Api.as(port, "li.na"), UploadMetadata.by("li.na").startedAt(from.toInstant().toString())
			.endedAt(to.toInstant().toString()).inCase(caseId, stageId), bytes, "DSJ_" + SEED.get() + ".MP4")
			.expectStatus().isCreated().returnResult(Stored.class).getResponseBody();
	}

	private Page timeline(String username, String caseId) {
		return Page.fragment(Api.as(port, username).get().uri("/recordings/fragments/case/{id}/timeline", caseId)
			.header("HX-Request", "true").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody());
	}

	@Test
	@DisplayName("ART-06.3, ART-20: a seizure filmed for its first ten of thirty minutes shows the film as a bar and "
			+ "the last twenty minutes as a gap; to a viewer without a grant the film is coverage without details")
	void aSeizureFilmedInPartShowsItsGapToEveryViewer() {
		var caseId = Api.openCase(port, Api.newCaseNumber());
		var start = time.local(time.now().minus(Duration.ofHours(5))).withSecond(0).withNano(0);
		var seizure = stage(caseId, "SEIZURE", start, start.plusMinutes(30));
		stage(caseId, "QUESTIONING", start.plusHours(1), start.plusHours(2));
		var film = video(caseId, seizure, start, start.plusMinutes(10));

		// a handler sees the film by name, linked, and where the seizure went unrecorded
		var handler = timeline("zhang.wei", caseId);
		var row = handler.one("li.coverage-row[data-kind=SEIZURE]");
		assertThat(row.attr("data-mandatory")).isEqualTo("true");
		assertThat(row.hasClass("coverage-short")).isTrue();
		assertThat(row.select("a.coverage-bar").eachAttr("href")).containsExactly("/recordings/" + film.id());
		assertThat(row.selectFirst("a.coverage-bar").attr("style")).isEqualTo("left:0.000%;width:33.333%");
		assertThat(row.select("span.coverage-gap").eachAttr("style")).containsExactly("left:33.333%;width:66.667%");
		assertThat(row.selectFirst(".coverage-percent").text()).isEqualTo("录音录像覆盖本环节 33%");
		assertThat(row.select(".coverage-gap-text").eachText()).containsExactly(start.plusMinutes(10).format(HMS)
				+ "–" + start.plusMinutes(30).format(HMS) + " 未覆盖（20 分钟）");
		assertThat(row.text()).contains("须全程录音录像 第六条第（三）项", film.originalName());
		// questioning needs text records only: no gap, whatever it lacks
		var questioning = handler.one("li.coverage-row[data-kind=QUESTIONING]");
		assertThat(questioning.attr("data-mandatory")).isEqualTo("false");
		assertThat(questioning.select(".coverage-gap")).isEmpty();
		assertThat(questioning.text()).contains("以文字记录为主，无须录音录像");
		handler.none("#timeline-hidden");

		// ART-20: a deputy director without a grant sees the same coverage and gap, but not what covers it
		var outsider = timeline("liu.yang", caseId);
		var hidden = outsider.one("li.coverage-row[data-kind=SEIZURE]");
		assertThat(hidden.select("a.coverage-bar")).isEmpty();
		assertThat(hidden.select("span.coverage-hidden").eachAttr("style")).containsExactly("left:0.000%;width:33.333%");
		assertThat(hidden.select("span.coverage-gap").eachAttr("style")).containsExactly("left:33.333%;width:66.667%");
		assertThat(hidden.selectFirst(".coverage-hidden-text").text()).isEqualTo("另有 1 段已有记录，须经批准查阅");
		assertThat(outsider.one("#timeline-hidden a").attr("href")).isEqualTo("/access/requests/new?caseId=" + caseId);
		outsider.lacks(film.id(), film.originalName(), "李娜");

		// the case page loads it beside the stages; opened by hand, the address leads to the case page
		var casePage = Page.of(Api.as(port, "zhang.wei").get().uri("/cases/{id}", caseId).accept(MediaType.TEXT_HTML)
			.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
		assertThat(casePage.one("section#stages #av-timeline").attr("hx-get"))
			.isEqualTo("/recordings/fragments/case/" + caseId + "/timeline");
		Api.as(port, "liu.yang").get().uri("/recordings/fragments/case/{id}/timeline", caseId)
			.accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isFound()
			.expectHeader().valueMatches(HttpHeaders.LOCATION, ".*/cases/" + caseId + "#av-timeline");
		Api.as(port, "zhang.wei").get().uri("/recordings/fragments/case/{id}/timeline", java.util.UUID.randomUUID())
			.header("HX-Request", "true").exchange()
			.expectStatus().isNotFound();
	}

	@Test
	@DisplayName("ART-06.1: an on-site inspection without any recording is missing and wholly a gap; two films that "
			+ "overlap cover it together")
	void overlappingFilmsCoverTogetherAndAnUnfilmedStageIsMissing() {
		var caseId = Api.openCase(port, Api.newCaseNumber());
		var start = time.local(time.now().minus(Duration.ofHours(8))).withSecond(0).withNano(0);
		var filmed = stage(caseId, "ON_SITE_INSPECTION", start, start.plusMinutes(20));
		var unfilmed = stage(caseId, "SAMPLING", start.plusMinutes(30), start.plusMinutes(40));
		video(caseId, filmed, start.minusMinutes(1), start.plusMinutes(12));
		video(caseId, filmed, start.plusMinutes(10), start.plusMinutes(21));

		var page = timeline("zhang.wei", caseId);
		var covered = page.one("li.coverage-row[data-stage=" + filmed + "]");
		assertThat(covered.select("a.coverage-bar")).hasSize(2);
		assertThat(covered.select(".coverage-gap")).isEmpty();
		assertThat(covered.selectFirst(".coverage-complete").text()).isEqualTo("全程覆盖");
		assertThat(covered.hasClass("coverage-short")).isFalse();
		var missing = page.one("li.coverage-row[data-stage=" + unfilmed + "]");
		assertThat(missing.selectFirst(".coverage-missing").text()).isEqualTo("无音像记录");
		assertThat(missing.select("span.coverage-gap").eachAttr("style")).hasSize(1);
		assertThat(missing.hasClass("coverage-short")).isTrue();
	}
}
