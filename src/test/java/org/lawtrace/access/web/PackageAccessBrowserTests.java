package org.lawtrace.access.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15, no dead ends, in a real browser: legal affairs fills the export form for a record no grant opens to
 * her (ART-19, ART-20), is told it needs approval, asks for it with one click and finds the request made, the record
 * named in it, and everything she typed still on the form.
 */
@LawTraceIntegrationTest
@ExtendWith(BrowserSession.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackageAccessBrowserTests {

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
	@DisplayName("ART-19, ART-20: the package form without a grant ends in a request for the record, typed fields kept")
	void packageWithoutGrantEndsInARequest() {
		var number = Api.newCaseNumber();
		var caseId = Api.openCase(port, number);
		var video = Media.mp4(time.now().minus(Duration.ofHours(2)), Duration.ofMinutes(2), 32 * 1024, System.nanoTime());
		var recordingId = Uploads.upload(Api.as(port, "zhang.wei"), Map.of("recordedBy", "zhang.wei", "caseId", caseId),
				video, "package-ask.mp4")
			.expectStatus().isCreated().expectBody(AccessApi.Created.class).returnResult().getResponseBody().id();
		var row = By.cssSelector("tr.candidate[data-record='" + recordingId + "']");

		browser.signIn(Api.base(port), "chen.jing");
		driver.get(Api.base(port) + "/packages?caseNumber=" + number);
		wait.until(presenceOfElementLocated(By.id("package-form")));
		new Select(driver.findElement(By.id("recipientKind"))).selectByValue("COURT");
		driver.findElement(By.id("recipient")).sendKeys("东阳市人民法院");
		driver.findElement(By.id("purpose")).sendKeys("行政诉讼举证：证明现场检查经过");
		driver.findElement(By.id("item-" + recordingId)).click();
		driver.findElement(By.name("prove." + recordingId)).sendKeys("证明现场查获过期食品");
		// ART-20: before anything is sent, the page says the record needs approval
		assertThat(driver.findElement(row).findElement(By.cssSelector(".record-access")).getText()).contains("需经批准");

		// making the package anyway is refused with the record named, and nothing typed is lost
		Browser.click(driver, By.id("make-package"));
		wait.until(presenceOfElementLocated(By.id("items-error")));
		assertThat(driver.findElement(By.id("items-error")).getText()).contains("package-ask.mp4").contains("申请查阅");
		assertTyped(recordingId);

		// one click asks for the record, with the form's purpose as the reason
		Browser.click(driver, By.cssSelector("tr.candidate[data-record='" + recordingId + "'] button.ask-access"));
		wait.until(presenceOfElementLocated(By.id("access-asked")));
		assertThat(driver.findElement(row).findElement(By.cssSelector(".record-access")).getText()).contains("申请待审批");
		assertThat(driver.findElements(By.cssSelector("tr.candidate[data-record='" + recordingId + "'] button.ask-access")))
			.isEmpty();
		assertTyped(recordingId);

		// the request exists, for that record of that case, with the purpose typed
		Browser.click(driver, By.cssSelector("#access-asked a"));
		wait.until(urlMatches("/access/requests/[0-9a-f-]{36}$"));
		assertThat(driver.findElement(By.id("access-standing")).getText()).contains("待审批");
		assertThat(driver.findElement(By.id("access-purpose")).getText()).isEqualTo("行政诉讼举证：证明现场检查经过");
		assertThat(driver.findElements(By.cssSelector("#access-records a[href='/recordings/" + recordingId + "']")))
			.hasSize(1);
		assertThat(driver.findElements(By.cssSelector("#access-records li"))).hasSize(1);
	}

	private void assertTyped(String recordingId) {
		assertThat(new Select(driver.findElement(By.id("recipientKind"))).getFirstSelectedOption().getDomAttribute("value"))
			.isEqualTo("COURT");
		assertThat(driver.findElement(By.id("recipient")).getDomProperty("value")).isEqualTo("东阳市人民法院");
		assertThat(driver.findElement(By.id("purpose")).getDomProperty("value")).isEqualTo("行政诉讼举证：证明现场检查经过");
		assertThat(driver.findElement(By.id("item-" + recordingId)).isSelected()).isTrue();
		assertThat(driver.findElement(By.name("prove." + recordingId)).getDomProperty("value")).isEqualTo("证明现场查获过期食品");
	}
}
