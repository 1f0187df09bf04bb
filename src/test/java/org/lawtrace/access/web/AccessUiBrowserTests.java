package org.lawtrace.access.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;

import java.time.Duration;
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
import org.lawtrace.access.AccessApi;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.Uploads;
import org.lawtrace.shared.BureauTime;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Access by approval in a real browser: a legal-affairs officer asks, the deputy director approves, she plays. */
@LawTraceIntegrationTest
@ExtendWith(BrowserSession.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessUiBrowserTests {

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
	@DisplayName("ART-20: 申请查阅 from the case page's recordings, approval from the deputy director's home page, then the player")
	void requestApproveAndPlay() {
		var number = Api.newCaseNumber();
		var caseId = Api.openCase(port, number);
		var video = Media.mp4(time.now().minus(Duration.ofHours(2)), Duration.ofMinutes(3), 64 * 1024, System.nanoTime());
		var recordingId = Uploads.upload(Api.as(port, "zhang.wei"), Map.of("recordedBy", "zhang.wei", "caseId", caseId),
				video, "browser-access.mp4")
			.expectStatus().isCreated().expectBody(AccessApi.Created.class).returnResult().getResponseBody().id();

		signIn("chen.jing");
		// ART-20: without a grant the recording's page does not exist for her; the case page says how many
		// recordings there are and where to ask
		open("/cases/" + caseId);
		wait.until(presenceOfElementLocated(By.cssSelector("#hidden-recordings a"))).click();
		wait.until(presenceOfElementLocated(By.id("purpose"))).sendKeys("行政复议答复需要核对现场执法过程");
		var days = driver.findElement(By.id("days"));
		days.clear();
		days.sendKeys("3");
		assertThat(driver.findElement(By.id("scope-case")).isSelected()).isTrue();
		driver.findElement(By.id("submit-request")).click();
		wait.until(urlMatches("/access/requests/[0-9a-f-]{36}$"));
		var requestPath = driver.getCurrentUrl().replaceAll("^https?://[^/]+", "");
		assertThat(driver.findElement(By.id("access-standing")).getText()).contains("待审批");

		signIn("liu.yang");
		wait.until(presenceOfElementLocated(By.cssSelector("#access-to-decide a[href='" + requestPath + "']"))).click();
		wait.until(presenceOfElementLocated(By.id("opinion"))).sendKeys("同意，限三日内查阅");
		driver.findElement(By.id("approve")).click();
		wait.until(presenceOfElementLocated(By.id("access-done")));
		assertThat(driver.findElement(By.id("access-standing")).getText()).contains("已批准");

		signIn("chen.jing");
		open("/recordings/" + recordingId);
		var player = wait.until(presenceOfElementLocated(By.cssSelector("video.recording-media")));
		assertThat(player.getDomAttribute("src")).isEqualTo("/recordings/" + recordingId + "/content");
		wait.until(textToBePresentInElementLocated(By.id("access-grants"), "陈静"));
		assertThat(driver.findElements(By.id("ask-access"))).isEmpty();
	}

	private void signIn(String username) {
		browser.signIn(Api.base(port), username);
	}

	private void open(String path) {
		driver.get(Api.base(port) + path);
	}
}
