package org.lawtrace.inspection.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lawtrace.Api;
import org.lawtrace.Browser;
import org.lawtrace.BrowserSession;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.Page;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.Uploads;
import org.lawtrace.staff.StaffDirectory;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * ART-21 in a real browser: the inspector named in an approved plan opens a sampled daily recording from his home
 * page, replays it, answers the checklist, concludes 不合格 with reasons; the ledger and the officer's own page show
 * the conclusion.
 */
@LawTraceIntegrationTest
@ExtendWith(BrowserSession.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpotCheckUiBrowserTests {

	private static final ZoneId BUREAU = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	StaffDirectory staff;

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
	@DisplayName("ART-21: the inspector replays a sampled recording, fills the checklist, concludes 不合格; the ledger and the officer's page show it")
	void inspectorConcludesFailed() {
		var day = LocalDate.of(2024, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 800));
		var title = "抽查" + ThreadLocalRandom.current().nextInt(100000, 999999);
		var bytes = Media.mp4(day.atTime(9, 30).atZone(BUREAU).toInstant(), Duration.ofMinutes(4), 4096,
				System.nanoTime());
		Uploads.upload(Api.as(port, "li.na"), Map.of("recordedBy", "li.na"), bytes, "browser-daily.mp4")
			.expectStatus().isCreated();
		var plan = new HashMap<String, Object>(Map.of("title", title, "from", day.toString(), "to", day.toString(),
				"reviewUntil", LocalDate.now(BUREAU).plusDays(7).toString(), "kinds", List.of("DAILY_AV"),
				"sampleSize", 1, "officers", List.of(staff.require("li.na").id().id()),
				"inspectors", List.of(staff.require("zhou.tao").id().id())));
		var planId = Api.as(port, "zhou.tao").post().uri("/api/v1/inspection/plans")
			.contentType(MediaType.APPLICATION_JSON).body(plan).exchange().expectStatus().isCreated()
			.expectBody(Api.Created.class).returnResult().getResponseBody().id();
		Api.as(port, "zhou.tao").post().uri("/api/v1/inspection/plans/{id}/draw", planId)
			.contentType(MediaType.APPLICATION_JSON).body(Map.of()).exchange().expectStatus().isOk();

		// the director approves on the plan page
		browser.signIn(Api.base(port), "sun.li");
		open("/inspection/plans/" + planId);
		Browser.click(driver, By.id("approve"));
		wait.until(d -> d.findElement(By.id("plan-status")).getText().equals("已批准"));

		browser.signIn(Api.base(port), "zhou.tao");
		open("/inspection");
		var link = wait.until(presenceOfElementLocated(By.xpath(
				"//tr[contains(@class,'due-row')][td[1][text()='" + title + "']]//a[contains(@class,'review-link')]")));
		link.click();
		var player = wait.until(presenceOfElementLocated(By.cssSelector("video.recording-media")));
		assertThat(driver.findElement(By.id("review-record")).getText()).contains("日常执法记录", "browser-daily.mp4");
		assertThat(driver.findElement(By.id("review-officer")).getText()).isEqualTo("李娜");
		// the made-up MP4 has no decodable track: the player's source is fetched as the player would, with a range
		var src = player.getDomAttribute("src");
		var status = ((JavascriptExecutor) driver).executeAsyncScript(
				"var done = arguments[arguments.length - 1];"
						+ "fetch(arguments[0], {headers: {Range: 'bytes=0-99'}}).then(r => done(r.status), e => done(0));",
				src);
		assertThat(((Number) status).intValue()).isEqualTo(206);

		driver.findElement(By.id("note-at")).sendKeys("42");
		driver.findElement(By.id("note-text")).sendKeys("未出示执法证件");
		Browser.click(driver, By.id("add-note"));
		wait.until(d -> d.findElements(By.cssSelector("#review-notes .review-note")).size() == 1);

		var items = driver.findElements(By.cssSelector(".checklist-item")).size();
		assertThat(items).isEqualTo(6);
		for (var i = 0; i < items; i++) {
			Browser.click(driver, By.id("verdict-" + i + (i == 0 ? "-NOT_MET" : "-MET")));
		}
		driver.findElement(By.id("note-0")).sendKeys("未表明身份");
		Browser.click(driver, By.id("conclusion-FAILED"));
		driver.findElement(By.id("reasons")).sendKeys("执法人员未表明身份并说明来意");
		Browser.click(driver, By.id("save-review"));
		var concluded = wait.until(presenceOfElementLocated(By.id("review-concluded")));
		assertThat(concluded.getText()).contains("不合格");
		speaksAsStaffDo("zhou.tao", driver.getCurrentUrl().replace(Api.base(port), ""));
		speaksAsStaffDo("zhou.tao", "/inspection/plans/" + planId);
		speaksAsStaffDo("zhou.tao", "/inspection");
		speaksAsStaffDo("sun.li", "/inspection/overview");

		open("/inspection/ledger");
		var row = wait.until(presenceOfElementLocated(By.xpath(
				"//tr[contains(@class,'ledger-row')][td[1][text()='" + title + "']]")));
		assertThat(row.findElement(By.className("ledger-officer")).getText()).isEqualTo("李娜");
		assertThat(row.findElement(By.className("ledger-conclusion")).getText()).isEqualTo("不合格");
		assertThat(row.getText()).contains("周涛", "表明身份并说明来意：不符合", "执法人员未表明身份并说明来意");
		speaksAsStaffDo("zhou.tao", "/inspection/ledger");

		browser.signIn(Api.base(port), "li.na");
		open("/inspection/mine");
		var mine = wait.until(presenceOfElementLocated(By.xpath(
				"//tr[contains(@class,'my-check')][td[1][text()='" + title + "']]")));
		assertThat(mine.findElement(By.className("my-conclusion")).getText()).isEqualTo("不合格");
		assertThat(mine.getText()).contains("执法人员未表明身份并说明来意", "周涛");
		speaksAsStaffDo("li.na", "/inspection/mine");
	}

	/** The page as its reader gets it: Chinese, no ids, login names, article codes or enum constants. */
	private void speaksAsStaffDo(String who, String path) {
		Page.of(Api.as(port, who).get().uri(path).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody());
	}

	private void open(String path) {
		driver.get(Api.base(port) + path);
	}
}
