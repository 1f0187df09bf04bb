package org.lawtrace.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lawtrace.Api;
import org.lawtrace.Browser;
import org.lawtrace.BrowserSession;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.shared.BureauTime;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The case pages in a real browser: what an officer, the administrator and an English reader see and do. */
@LawTraceIntegrationTest
@ExtendWith(BrowserSession.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseUiBrowserTests {

	private static final String CREDIT_CODE = "91330783MA2HX7Q5PJ";

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
		wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		// htmx swaps the number field while a condition reads it
		wait.ignoring(StaleElementReferenceException.class);
	}

	@Test
	@DisplayName("ART-06.3: an officer opens a case through the form, records a seizure, and the timeline shows it "
			+ "with its AV badge")
	void officerOpensCaseAndRecordsSeizureOnTheTimeline() throws IOException {
		signIn("zhang.wei");
		driver.findElement(By.id("new-case")).click();
		var number = Api.newCaseNumber();
		fillNewCase(number, CREDIT_CODE);
		driver.findElement(By.id("open-case")).click();

		wait.until(textToBe(By.id("case-number"), number));
		assertThat(text("case-kind")).isEqualTo("行政处罚");
		assertThat(text("case-status")).isEqualTo("办理中");
		assertThat(text("case-handlers")).isEqualTo("张伟、李娜");
		assertThat(text("case-parties")).contains("东阳市示例食品有限公司", CREDIT_CODE);

		// ART-06: nothing recorded yet is not complete
		assertThat(wait.until(visibilityOfElementLocated(By.id("compliance-light"))).getDomAttribute("data-light"))
			.isEqualTo("NONE");
		var start = time.today().minusDays(1).atTime(9, 30);
		new Select(driver.findElement(By.id("stage-kind"))).selectByValue("SEIZURE");
		setValue("startedAt", start.toString());
		setValue("endedAt", start.plusMinutes(45).toString());
		driver.findElement(By.id("place")).sendKeys("东阳市吴宁街道艺海路18号");
		new Select(driver.findElement(By.id("present"))).selectByValue("li.na");
		markPage();
		driver.findElement(By.id("save-stage")).click();

		wait.until(visibilityOfElementLocated(By.id("stage-recorded")));
		assertThat(pageIsStillMarked()).as("htmx swapped the timeline in without reloading the page").isTrue();
		assertThat(driver.findElements(By.tagName("header"))).as("the swap brought no second layout").hasSize(1);
		var entries = driver.findElements(By.cssSelector("#timeline .timeline-entry"));
		assertThat(entries).hasSize(1);
		var seizure = entries.get(0);
		assertThat(seizure.findElement(By.className("stage-kind")).getText()).isEqualTo("扣押");
		assertThat(seizure.findElement(By.className("av-badge")).getText()).isEqualTo("必须录音录像 第六条第（三）项");
		assertThat(seizure.findElement(By.className("stage-time")).getText())
			.isEqualTo(start.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + " – 10:15");
		assertThat(seizure.getText()).contains("东阳市吴宁街道艺海路18号", "张伟", "李娜");
		// ART-06.3: the checklist loads itself again after the stage (htmx), and a seizure without a recording
		// is never 完整, not even before its checks have run
		var light = By.id("compliance-light");
		wait.until(d -> {
			var shown = d.findElement(light).getDomAttribute("data-light");
			assertThat(shown).isNotEqualTo("GREEN");
			return !"NONE".equals(shown) && !"PENDING".equals(shown);
		});
		assertThat(driver.findElement(light).getText()).isNotEqualTo("完整");
		assertThat(pageIsStillMarked()).as("the checklist was refreshed in place").isTrue();
		screenshot("case-page");
	}

	@Test
	@DisplayName("A credit code failing the GB 32100 check is shown beside its field, with the form as typed, "
			+ "and no case is opened")
	void badCreditCodeIsShownBesideItsFieldAndNothingIsOpened() {
		signIn("zhang.wei");
		open("/cases/new");
		var number = Api.newCaseNumber();
		fillNewCase(number, "91330783MA2HX7Q5PK");
		driver.findElement(By.id("open-case")).click();

		var error = wait.until(visibilityOfElementLocated(By.id("parties[0].idNumber-error")));
		assertThat(error.getText()).contains("统一社会信用代码无效");
		assertThat(driver.findElement(By.id("party-id-number-0")).getAttribute("class")).contains("is-invalid");
		assertThat(driver.findElement(By.id("caseNumber")).getAttribute("value")).isEqualTo(number);
		assertThat(driver.findElement(By.id("party-name-0")).getAttribute("value")).isEqualTo("东阳市示例食品有限公司");
		Api.as(port, "zhou.tao").get().uri(u -> u.path("/api/v1/cases").queryParam("number", number).build())
			.exchange()
			.expectBody().jsonPath("$.total").isEqualTo(0);
	}

	@Test
	@DisplayName("The administrator sees staff and their qualification, but a case page answers with the "
			+ "forbidden page")
	void administratorCannotOpenACasePage() {
		var number = Api.newCaseNumber();
		var caseId = Api.openCase(port, number);
		signIn("admin");
		// staff by staff number and name, never by login name (pages speak as bureau staff do)
		assertThat(driver.findElement(By.id("staff")).getText()).contains("DY0101 张伟", "执法人员资格有效")
			.doesNotContain("zhang.wei");
		assertThat(driver.findElements(By.linkText("案件查询"))).isEmpty();

		open("/cases/" + caseId);
		wait.until(visibilityOfElementLocated(By.id("error-page")));
		assertThat(text("error-reason")).isEqualTo("您无权访问此页面或执行此操作。");
		assertThat(driver.getPageSource()).doesNotContain(number).doesNotContain("Exception");
	}

	@Test
	@DisplayName("The language switch shows English labels, and the choice sticks across pages")
	void switchesToEnglishAndBack() {
		signIn("zhang.wei");
		assertThat(text("nav-new-case")).isEqualTo("新建案件");
		driver.findElement(By.id("language-switch")).click();
		wait.until(textToBe(By.id("nav-new-case"), "New case"));

		open("/cases");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Cases");
		assertThat(driver.findElement(By.cssSelector("label[for=number]")).getText()).isEqualTo("Case number");
		driver.findElement(By.id("language-switch")).click();
		wait.until(textToBe(By.tagName("h1"), "案件查询"));
	}

	@Test
	@DisplayName("Typing in the search form narrows the case list in place and puts the search in the address")
	void searchNarrowsTheListInPlace() {
		var number = Api.newCaseNumber();
		Api.openCase(port, number);
		signIn("liu.yang");
		open("/cases");
		markPage();
		driver.findElement(By.id("number")).sendKeys(number);

		wait.until(textToBe(By.id("result-count"), "共 1 件"));
		assertThat(driver.findElement(By.cssSelector("#results .case-row")).getText()).contains(number);
		assertThat(pageIsStillMarked()).as("htmx swapped the results in without reloading the page").isTrue();
		assertThat(driver.findElements(By.tagName("header"))).as("the swap brought no second layout").hasSize(1);
		wait.until(urlContains("number="));
	}

	private void signIn(String username) {
		browser.signIn(Api.base(port), username);
	}

	private void fillNewCase(String number, String creditCode) {
		new Select(wait.until(visibilityOfElementLocated(By.id("kind")))).selectByValue("ADMINISTRATIVE_PENALTY");
		// choosing the kind offers a number (htmx); the test types its own over it
		wait.until(d -> !d.findElement(By.id("suggested")).getDomProperty("value").isEmpty());
		driver.findElement(By.id("caseNumber")).clear();
		driver.findElement(By.id("caseNumber")).sendKeys(number);
		driver.findElement(By.id("title")).sendKeys("东阳市示例食品有限公司销售过期食品案");
		Browser.click(driver, By.cssSelector("input[name=handlers][value='li.na']"));
		new Select(driver.findElement(By.id("party-kind-0"))).selectByValue("ORGANIZATION");
		driver.findElement(By.id("party-name-0")).sendKeys("东阳市示例食品有限公司");
		driver.findElement(By.id("party-id-number-0")).sendKeys(creditCode);
	}

	private void open(String path) {
		driver.get(Api.base(port) + path);
	}

	private String text(String id) {
		return driver.findElement(By.id(id)).getText();
	}

	/** datetime-local inputs take keystrokes in the browser's locale format; setting the value is exact. */
	private void setValue(String id, String value) {
		WebElement input = driver.findElement(By.id(id));
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", input, value);
	}

	/** A mark on the window that a full page load would wipe out. */
	private void markPage() {
		((JavascriptExecutor) driver).executeScript("window.lawtraceMark = true");
	}

	private boolean pageIsStillMarked() {
		return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("return window.lawtraceMark === true"));
	}

	private void screenshot(String name) throws IOException {
		var dir = Files.createDirectories(Path.of("target", "screenshots"));
		var png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(png, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}
}
