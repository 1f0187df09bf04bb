package org.lawtrace.compliance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;

import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lawtrace.Api;
import org.lawtrace.Browser;
import org.lawtrace.BrowserSession;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.compliance.ComplianceApi;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.Uploads;
import org.lawtrace.shared.BureauTime;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/** ART-06.0 in a real browser: an officer marks the opening and closing on a recording page; the checklist turns green. */
@LawTraceIntegrationTest
@ExtendWith(BrowserSession.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookmarkUiBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	BureauTime time;

	private Browser browser;
	private WebDriver driver;
	private WebDriverWait wait;

	@BeforeAll
	void startBrowser(Browser browser) {
		this.browser = browser;
		driver = browser.driver();
		wait = new WebDriverWait(driver, Duration.ofSeconds(15));
	}

	@Test
	@DisplayName("ART-06.0: opening marked at the player's time and closing at a typed time turn the seizure's checklist green")
	void markOpeningAndClosing() {
		var start = time.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
		var zone = ZoneId.of("Asia/Shanghai");
		var caseId = Api.openCase(port, Api.newCaseNumber());
		var seizure = Api.as(port, "zhang.wei").post().uri("/api/v1/cases/{id}/stages", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new ComplianceApi.NewStage("SEIZURE", start.atZone(zone).toOffsetDateTime(),
					start.plus(Duration.ofMinutes(45)).atZone(zone).toOffsetDateTime(), List.of("zhang.wei", "li.na")))
			.exchange().expectStatus().isCreated().returnResult(ComplianceApi.Created.class).getResponseBody().id();
		var video = Media.mp4(start.minusSeconds(10), Duration.ofMinutes(46), 64 * 1024, System.nanoTime());
		var recordingId = Uploads.upload(Api.as(port, "zhang.wei"), Map.of("recordedBy", "zhang.wei", "caseId", caseId,
				"stageIds", List.of(seizure)), video, "browser-bookmarks.mp4")
			.expectStatus().isCreated().expectBody(ComplianceApi.Created.class).returnResult().getResponseBody().id();
		var stageRow = By.cssSelector(".compliance-stage[data-stage='" + seizure + "']");

		signIn("zhang.wei");
		// the covering video leaves only the ART-06.0 finding: amber until the marks are set
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			open("/cases/" + caseId);
			assertThat(wait.until(presenceOfElementLocated(stageRow)).getDomAttribute("data-light")).isEqualTo("AMBER");
		});
		assertThat(driver.findElement(stageRow).findElements(By.cssSelector(".finding[data-article='ART-06.0']"))).isNotEmpty();

		open("/recordings/" + recordingId);
		wait.until(presenceOfElementLocated(By.id("no-bookmarks")));
		assertThat(driver.findElements(By.cssSelector("video.recording-media"))).isNotEmpty();
		driver.findElement(By.id("bookmark-now")).click();
		assertThat(driver.findElement(By.id("bookmark-offset")).getDomProperty("value")).matches("\\d+:\\d\\d");
		driver.findElement(By.id("mark-opening")).click();
		wait.until(presenceOfElementLocated(By.cssSelector("#bookmark-list .bookmark[data-kind='OPENING']")));

		wait.until(presenceOfElementLocated(By.id("bookmark-saved")));
		driver.findElement(By.id("bookmark-offset")).sendKeys("44:30");
		driver.findElement(By.id("mark-closing")).click();
		var closing = wait.until(presenceOfElementLocated(By.cssSelector("#bookmark-list .bookmark[data-kind='CLOSING']")));
		assertThat(closing.getText()).contains("结束询问", "44:30");

		open("/cases/" + caseId);
		var row = wait.until(presenceOfElementLocated(stageRow));
		assertThat(row.getDomAttribute("data-light")).isEqualTo("GREEN");
		assertThat(row.findElements(By.cssSelector(".finding[data-article='ART-06.0']"))).isEmpty();
	}

	private void signIn(String username) {
		browser.signIn(Api.base(port), username);
	}

	private void open(String path) {
		driver.get(Api.base(port) + path);
	}
}
