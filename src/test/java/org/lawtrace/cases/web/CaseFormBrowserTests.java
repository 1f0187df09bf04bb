package org.lawtrace.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.time.Duration;
import java.util.regex.Pattern;

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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The new-case form in a real browser (issue 15, case work and forms): the number offered from the bureau's format,
 * several parties, the handler picker that offers only qualified officers, and every refusal at once.
 */
@LawTraceIntegrationTest
@ExtendWith(BrowserSession.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseFormBrowserTests {

	private static final String CREDIT_CODE = "91330783MA2HX7Q5PJ";
	private static final String RESIDENT_ID = "330783198503124016";

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
	@DisplayName("ART-02, ART-08: an officer opens a case with the number the form offers, two parties and a "
			+ "qualified co-handler; an officer whose certificate ran out and an assistant are shown greyed with why")
	void opensACaseWithTheOfferedNumberTwoPartiesAndAQualifiedHandler() {
		browser.signIn(Api.base(port), "zhang.wei");
		driver.get(Api.base(port) + "/cases/new");

		// ART-08: 黄磊's certificate ran out a month ago, 王强 is an assistant: visible, not to be ticked
		var expired = handler("huang.lei");
		assertThat(expired.isEnabled()).isFalse();
		assertThat(choiceOf(expired).getText()).contains("黄磊", "不可担任承办人", "到期");
		assertThat(choiceOf(expired).getAttribute("class")).contains("handler-unqualified");
		var assistant = handler("wang.qiang");
		assertThat(assistant.isEnabled()).isFalse();
		assertThat(choiceOf(assistant).getText()).contains("王强", "协助人员");
		assertThat(handler("li.na").isEnabled()).isTrue();
		assertThat(handler("zhang.wei").isSelected()).as("the officer filling in the form handles the case").isTrue();
		assertThat(driver.findElements(By.cssSelector("select[multiple]"))).as("no Ctrl-click multi-select").isEmpty();

		// ART-02: choosing the kind offers the bureau's next free number of that kind
		new Select(driver.findElement(By.id("kind"))).selectByValue("ADMINISTRATIVE_PENALTY");
		var prefix = "东市监处〔" + time.today().getYear() + "〕";
		var offered = wait.until(d -> {
			var value = d.findElement(By.id("caseNumber")).getDomProperty("value");
			return value != null && value.startsWith(prefix) ? value : null;
		});
		assertThat(offered).matches(Pattern.quote(prefix) + "[1-9]\\d*号");
		assertThat(driver.findElement(By.id("case-number-hint")).getText()).contains("下一个可用案号");
		// the number is someone else's as soon as this case has it: the shared test numbering moves past it
		Api.newCaseNumber();

		driver.findElement(By.id("title")).sendKeys("东阳市示例食品有限公司及其负责人销售过期食品案");
		Browser.click(driver, By.cssSelector("input[name=handlers][value='li.na']"));
		new Select(driver.findElement(By.id("party-kind-0"))).selectByValue("ORGANIZATION");
		driver.findElement(By.id("party-name-0")).sendKeys("东阳市示例食品有限公司");
		driver.findElement(By.id("party-id-number-0")).sendKeys(CREDIT_CODE);
		Browser.click(driver, By.id("add-party"));
		new Select(wait.until(visibilityOfElementLocated(By.id("party-kind-1")))).selectByValue("NATURAL_PERSON");
		driver.findElement(By.id("party-name-1")).sendKeys("王某某");
		driver.findElement(By.id("party-id-number-1")).sendKeys(RESIDENT_ID);
		Browser.click(driver, By.id("open-case"));

		wait.until(urlMatches("/cases/[0-9a-f-]{36}$"));
		assertThat(driver.findElement(By.id("case-number")).getText()).isEqualTo(offered);
		assertThat(driver.findElement(By.id("case-handlers")).getText()).isEqualTo("张伟、李娜");
		assertThat(driver.findElement(By.id("case-parties")).getText())
			.contains("东阳市示例食品有限公司", CREDIT_CODE, "王某某", RESIDENT_ID);
		// ART-06: a case with no stage yet is not shown as complete
		var light = wait.until(visibilityOfElementLocated(By.id("compliance-light")));
		assertThat(light.getDomAttribute("data-light")).isEqualTo("NONE");
		assertThat(light.getText()).isEqualTo("尚无环节").doesNotContain("完整");
	}

	@Test
	@DisplayName("ART-02: the form shows every refusal at once beside its field and keeps what was typed; a number "
			+ "taken in another bracket spelling is refused as taken")
	void everyRefusalAtOnceAndTheSameNumberInOtherBrackets() {
		var taken = Api.newCaseNumber();
		Api.openCase(port, taken);
		var otherSpelling = taken.replace('〔', '[').replace('〕', ']');

		browser.signIn(Api.base(port), "zhang.wei");
		driver.get(Api.base(port) + "/cases/new");
		new Select(driver.findElement(By.id("kind"))).selectByValue("ADMINISTRATIVE_PENALTY");
		wait.until(d -> !d.findElement(By.id("suggested")).getDomProperty("value").isEmpty());
		driver.findElement(By.id("caseNumber")).clear();
		driver.findElement(By.id("caseNumber")).sendKeys(otherSpelling);
		// no title; only one qualified officer for a penalty case; the second party's code fails its check
		new Select(driver.findElement(By.id("party-kind-0"))).selectByValue("ORGANIZATION");
		driver.findElement(By.id("party-name-0")).sendKeys("东阳市示例食品有限公司");
		driver.findElement(By.id("party-id-number-0")).sendKeys(CREDIT_CODE);
		Browser.click(driver, By.id("add-party"));
		new Select(wait.until(visibilityOfElementLocated(By.id("party-kind-1")))).selectByValue("ORGANIZATION");
		driver.findElement(By.id("party-name-1")).sendKeys("东阳市另一示例商行");
		driver.findElement(By.id("party-id-number-1")).sendKeys("91330783MA2HX7Q5PK");
		Browser.click(driver, By.id("open-case"));

		assertThat(wait.until(visibilityOfElementLocated(By.id("caseNumber-error"))).getText()).contains("案号已存在");
		assertThat(driver.findElement(By.id("title-error")).getText()).contains("案件名称必填");
		assertThat(driver.findElement(By.id("handlers-error")).getText()).contains("至少需要2名");
		assertThat(driver.findElement(By.id("parties[1].idNumber-error")).getText()).contains("统一社会信用代码无效");
		assertThat(driver.findElements(By.id("parties[0].idNumber-error"))).isEmpty();
		// what was typed is still there, in the brackets' one spelling
		assertThat(driver.findElement(By.id("caseNumber")).getDomProperty("value")).isIn(otherSpelling, taken);
		assertThat(driver.findElement(By.id("party-name-1")).getDomProperty("value")).isEqualTo("东阳市另一示例商行");
		assertThat(handler("zhang.wei").isSelected()).isTrue();
		assertThat(driver.getPageSource()).doesNotContain("(case number already used)");
	}

	private WebElement handler(String username) {
		return wait.until(visibilityOfElementLocated(By.cssSelector("input[name=handlers][value='" + username + "']")));
	}

	private WebElement choiceOf(WebElement checkbox) {
		return checkbox.findElement(By.xpath("ancestor::div[contains(@class,'handler-choice')]"));
	}
}
