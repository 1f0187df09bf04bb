package org.lawtrace.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.MovableClock;
import org.lawtrace.Page;
import org.lawtrace.shared.BureauTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * The dashboards' figures (完整率, overdue findings, late uploads) against a case whose gaps the test makes, on the
 * compliance dashboard and the leaders' home; the officer's home list of gaps names each gap's case.
 */
@LawTraceIntegrationTest
class ComplianceKpisIntegrationTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	MovableClock clock;

	@Autowired
	BureauTime time;

	@Autowired
	ComplianceDashboard dashboard;

	@Test
	@DisplayName("ART-06.3, ART-15.1: a seizure without video adds a case that is not complete, and once its "
			+ "deadline has passed an overdue finding and a late upload; the tiles show the same figures")
	void figuresFollowTheFindings() {
		var today = time.today();
		var later = today.plusDays(60);
		var beforeToday = dashboard.kpis(today);
		var beforeLater = dashboard.kpis(later);
		var overdueByUnit = overdueCases(dashboard.byUnit(later));
		var overdueByOfficer = overdueCases(dashboard.byOfficer(later));

		var number = Api.newCaseNumber();
		var caseId = Api.openCase(port, number);
		var start = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
		stage(caseId, "SEIZURE", start, start.plus(Duration.ofMinutes(45)));
		var open = await().atMost(Duration.ofSeconds(20)).until(() -> checklist(caseId),
				c -> "RED".equals(c.light()));
		var gaps = open.stages().stream().flatMap(s -> s.open().stream())
			.filter(f -> !f.severity().equals("NOTICE")).count()
				+ open.caseFindings().stream().filter(f -> !f.severity().equals("NOTICE")).count();

		var afterToday = dashboard.kpis(today);
		assertThat(afterToday.cases()).isEqualTo(beforeToday.cases() + 1);
		assertThat(afterToday.complete()).isEqualTo(beforeToday.complete());
		assertThat(afterToday.overdueFindings()).as("nothing is overdue before its deadline")
			.isEqualTo(beforeToday.overdueFindings());
		var afterLater = dashboard.kpis(later);
		assertThat(afterLater.overdueFindings()).isEqualTo(beforeLater.overdueFindings() + gaps);
		assertThat(afterLater.lateUploads()).as("the seizure's video is missing past its deadline")
			.isEqualTo(beforeLater.lateUploads() + 1);
		// the charts' overdue bars: one more case in its unit, and in each of its two handlers' bars
		assertThat(overdueCases(dashboard.byUnit(later))).isEqualTo(overdueByUnit + 1);
		assertThat(overdueCases(dashboard.byOfficer(later))).isEqualTo(overdueByOfficer + 2);

		// the tiles on the dashboard and on the leaders' home show the same figures
		var page = html("sun.li", "/compliance");
		assertThat(page.text("#kpi-complete .kpi-figure")).isEqualTo(afterToday.completePercent() + "%");
		assertThat(page.text("#kpi-complete")).contains("共 " + afterToday.cases() + " 件案件，完整 "
				+ afterToday.complete() + " 件");
		assertThat(page.text("#kpi-overdue .kpi-figure")).isEqualTo(String.valueOf(afterToday.overdueFindings()));
		assertThat(page.text("#kpi-late .kpi-figure")).isEqualTo(String.valueOf(afterToday.lateUploads()));
		assertThat(page.one("#chart-unit").attr("data-chart")).contains("\"overdue\":[");
		assertThat(page.one("#chart-unit").attr("data-legend-overdue")).isEqualTo("逾期未整改案件数");
		var home = Page.fragment(Api.as(port, "liu.yang").get().uri("/compliance/fragments/kpis")
			.header("HX-Request", "true").exchange().expectStatus().isOk().expectBody(String.class).returnResult()
			.getResponseBody());
		assertThat(home.text("#kpi-overdue .kpi-figure")).isEqualTo(String.valueOf(afterToday.overdueFindings()));
		assertThat(html("liu.yang", "/").one("#compliance-kpis").attr("hx-get")).isEqualTo("/compliance/fragments/kpis");
		assertThat(html("zhang.wei", "/").has("#compliance-kpis")).as("not on an officer's home").isFalse();
	}

	@Test
	@DisplayName("ART-06.3: past its deadline a case's gap is marked overdue on the dashboard and on the officer's "
			+ "home list, which names the case by its number")
	void overdueGapsAreMarkedAndNamed() {
		var number = Api.newCaseNumber();
		var caseId = Api.openCase(port, number);
		// four unfilmed seizures: the case is among the worst the dashboard lists, whatever other tests left
		var start = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(9));
		for (var i = 0; i < 4; i++) {
			stage(caseId, "SEIZURE", start.plus(Duration.ofHours(2 * i)), start.plus(Duration.ofHours(2 * i + 1)));
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> checklist(caseId),
				c -> c.stages().size() == 4 && c.stages().stream().allMatch(s -> "RED".equals(s.light())));

		var gaps = fragment("zhang.wei", "/compliance/fragments/my-gaps")
			.all("tr.gap:has(a.gap-case[href=/cases/" + caseId + "#compliance])");
		assertThat(gaps).isNotEmpty().allSatisfy(row -> {
			assertThat(row.selectFirst("a.gap-case").text()).isEqualTo(number);
			assertThat(row.hasClass("table-danger")).isFalse();
		});
		assertThat(worstRow(caseId).hasClass("overdue")).isFalse();

		clock.advance(Duration.ofDays(30));
		try {
			assertThat(fragment("zhang.wei", "/compliance/fragments/my-gaps")
				.all("tr.gap:has(a.gap-case[href='/cases/" + caseId + "#compliance'])"))
				.allSatisfy(row -> assertThat(row.text()).contains("已逾期"));
			var row = worstRow(caseId);
			assertThat(row.hasClass("overdue")).isTrue();
			assertThat(row.text()).contains(number, "已逾期");
		}
		finally {
			clock.reset();
		}
	}

	@Test
	@DisplayName("完整率 is rounded down and absent while no case has been checked")
	void percentRoundsDown() {
		assertThat(new ComplianceDashboard.Kpis(1000, 999, 0, 0).completePercent()).isEqualTo(99);
		assertThat(new ComplianceDashboard.Kpis(3, 2, 0, 0).completePercent()).isEqualTo(66);
		assertThat(new ComplianceDashboard.Kpis(4, 4, 0, 0).completePercent()).isEqualTo(100);
		assertThat(new ComplianceDashboard.Kpis(0, 0, 0, 0).completePercent()).isNull();
	}

	private static long overdueCases(List<ComplianceDashboard.Tally> tallies) {
		return tallies.stream().mapToLong(ComplianceDashboard.Tally::overdue).sum();
	}

	private org.jsoup.nodes.Element worstRow(String caseId) {
		return html("sun.li", "/compliance").one("#worst-cases tr.worst-case:has(a[href='/cases/" + caseId
				+ "#compliance'])");
	}

	private void stage(String caseId, String kind, Instant start, Instant end) {
		Api.as(port, "zhang.wei").post().uri("/api/v1/cases/{id}/stages", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new ComplianceApi.NewStage(kind, start.atZone(ZONE).toOffsetDateTime(),
					end.atZone(ZONE).toOffsetDateTime(), List.of("zhang.wei", "li.na")))
			.exchange().expectStatus().isCreated();
	}

	private ComplianceApi.Checklist checklist(String caseId) {
		return Api.as(port, "zhang.wei").get().uri("/api/v1/cases/{id}/compliance", caseId).exchange()
			.expectStatus().isOk().returnResult(ComplianceApi.Checklist.class).getResponseBody();
	}

	private Page html(String username, String path) {
		return Page.of(Api.as(port, username).get().uri(path).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
	}

	private Page fragment(String username, String path) {
		return Page.fragment(Api.as(port, username).get().uri(path).header("HX-Request", "true").exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
	}
}
