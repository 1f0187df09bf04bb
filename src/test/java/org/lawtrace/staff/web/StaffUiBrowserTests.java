package org.lawtrace.staff.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lawtrace.Api;
import org.lawtrace.Browser;
import org.lawtrace.BrowserSession;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.Patience;
import org.lawtrace.audit.AuditApi;
import org.lawtrace.shared.BureauTime;
import org.lawtrace.staff.StaffApi;
import org.lawtrace.staff.StaffDirectory;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * The administrator's workspace in a real browser (issue 15): adding an officer with an enforcement certificate
 * through the form, and the new officer signing in.
 */
@LawTraceIntegrationTest
@ExtendWith(BrowserSession.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffUiBrowserTests {

	private static final String INITIAL = "Chushi-2026x";
	private static final String CHOSEN = "Ziji-2026-mima";

	@LocalServerPort
	int port;

	@Autowired
	BureauTime time;

	@Autowired
	StaffDirectory directory;

	private Browser browser;
	private WebDriver driver;
	private WebDriverWait wait;

	@BeforeAll
	void startBrowser(Browser browser) {
		this.browser = browser;
		driver = browser.driver();
		wait = new WebDriverWait(driver, Duration.ofSeconds(10));
	}

	@Test
	@DisplayName("ART-07, ART-08: the administrator adds an officer with an enforcement certificate (every mistake of the "
			+ "form shown at once, what was typed kept), the certificate ending soon is flagged, and the officer signs in "
			+ "after changing the initial password")
	void administratorAddsAnOfficerWhoThenSignsIn() {
		var suffix = Long.toString(System.nanoTime() % 1_000_000);
		var username = "zhao.lei" + suffix;
		var staffNumber = "DY9" + suffix;
		var certificate = "33079" + suffix;
		var today = time.today();
		browser.signIn(base(), "admin");
		assertThat(driver.findElement(By.id("admin-tiles")).getText()).contains("锁定的账号", "执法证", "待局长确认");

		Browser.click(driver, By.id("nav-staff"));
		wait.until(urlToBe(base() + "/staff"));
		assertThat(driver.findElement(By.id("staff-list")).getText()).contains("张伟");
		Browser.click(driver, By.id("add-person"));

		// first try: a login name with a space, a staff number already taken, a weak password, no certificate dates
		wait.until(visibilityOfElementLocated(By.id("name"))).sendKeys("赵磊");
		driver.findElement(By.id("staffNumber")).sendKeys("DY0101");
		chooseUnit("执法稽查队");
		driver.findElement(By.id("username")).sendKeys("zhao lei");
		driver.findElement(By.id("password")).sendKeys("short");
		driver.findElement(By.id("certificateNumber")).sendKeys(certificate);
		driver.findElement(By.id("certificateIssuer")).sendKeys("浙江省人民政府");
		Browser.click(driver, By.id("save-person"));

		wait.until(visibilityOfElementLocated(By.id("form-errors")));
		for (var field : new String[] { "username", "staffNumber", "password", "certificateValidFrom",
				"certificateValidTo" }) {
			assertThat(driver.findElements(By.id(field + "-error"))).as("the refusal beside " + field).hasSize(1);
		}
		assertThat(driver.findElement(By.id("staffNumber-error")).getText()).contains("工号已被使用");
		assertThat(driver.findElement(By.id("form-errors")).getText()).contains("5");
		assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo("赵磊");
		assertThat(driver.findElement(By.id("certificateNumber")).getAttribute("value")).isEqualTo(certificate);
		assertThat(new Select(driver.findElement(By.id("unitId"))).getFirstSelectedOption().getText())
			.contains("执法稽查队");
		assertThat(driver.findElement(By.id("role-officer")).isSelected()).isTrue();
		Api.as(port, "admin").get().uri("/api/v1/staff/{u}", username).exchange().expectStatus().isNotFound();

		// corrected: the certificate ends in ten days, so it is valid but flagged
		replace("staffNumber", staffNumber);
		replace("username", username);
		driver.findElement(By.id("password")).sendKeys(INITIAL);
		setValue("certificateValidFrom", today.minusYears(4).toString());
		setValue("certificateValidTo", today.plusDays(10).toString());
		Browser.click(driver, By.id("save-person"));

		wait.until(visibilityOfElementLocated(By.id("done")));
		assertThat(driver.findElement(By.id("done")).getText()).isEqualTo("已添加人员。");
		assertThat(driver.findElement(By.id("person-name")).getText()).isEqualTo("赵磊");
		assertThat(driver.findElement(By.id("person-summary")).getText()).contains(staffNumber, "执法稽查队");
		assertThat(driver.findElement(By.id("roles")).getText()).contains("执法人员");
		assertThat(driver.findElement(By.id("qualification")).getText()).contains("执法人员资格有效");
		var row = driver.findElement(By.cssSelector("#certificates tr.certificate"));
		assertThat(row.getText()).contains(certificate, "浙江省人民政府", "10 日后到期");
		assertThat(row.getAttribute("class")).contains("table-warning");
		assertThat(driver.getPageSource()).doesNotContain(">" + username + "<");

		Browser.click(driver, By.id("nav-certificates"));
		var listed = wait.until(visibilityOfElementLocated(By.xpath(
				"//table[@id='certificate-list']//tr[td[normalize-space()='" + certificate + "']]")));
		assertThat(listed.getText()).contains("赵磊", "10 日后到期");

		// the new officer signs in with the initial password, must change it, then signs in with their own
		signIn(username, INITIAL);
		wait.until(urlContains("/account/password"));
		driver.findElement(By.id("currentPassword")).sendKeys(INITIAL);
		driver.findElement(By.id("password")).sendKeys(CHOSEN);
		driver.findElement(By.id("confirmation")).sendKeys(CHOSEN);
		Browser.click(driver, By.id("password-submit"));
		wait.until(urlContains("/login"));
		signIn(username, CHOSEN);
		wait.until(urlToBe(base() + "/"));
		assertThat(driver.findElement(By.id("signed-in")).getText()).contains("赵磊", "执法人员");
		assertThat(driver.findElements(By.id("nav-staff"))).as("no administrator's pages for an officer").isEmpty();
		driver.get(base() + "/staff");
		assertThat(driver.getPageSource()).doesNotContain("staff-list");

		// ART-22: what the administrator did through the pages is in the audit log, as the API's changes are
		Awaitility.await().atMost(Patience.of(Duration.ofSeconds(10)))
			.untilAsserted(() -> assertThat(Api.as(port, "sun.li").get()
				.uri("/api/v1/audit/entries?subjectType=STAFF&subjectId=" + username).exchange().expectStatus().isOk()
				.returnResult(AuditApi.EntryPage.class).getResponseBody().items())
				.extracting(AuditApi.EntryView::action)
				.contains("ACCOUNT_CREATED", "CERTIFICATE_ISSUED", "PASSWORD_CHANGED"));
	}

	@Test
	@DisplayName("ART-22: the administrator adds a unit, issues a token of their own (shown once) and revokes it, and "
			+ "disables an account, which then cannot sign in, and enables it again")
	void administratorKeepsUnitsTokensAndAccounts() {
		var suffix = Long.toString(System.nanoTime() % 1_000_000);
		browser.signIn(base(), "admin");
		driver.get(base() + "/staff/units");
		driver.findElement(By.id("unit-name")).sendKeys("测试科" + suffix);
		driver.findElement(By.id("unit-code")).sendKeys("DY-T" + suffix);
		Browser.click(driver, By.cssSelector("#add-unit button[type=submit]"));
		wait.until(visibilityOfElementLocated(By.id("done")));
		assertThat(driver.findElement(By.id("unit-tree")).getText()).contains("测试科" + suffix, "业务科室");

		driver.get(base() + "/staff/tokens");
		driver.findElement(By.id("token-name")).sendKeys("对接测试" + suffix);
		Browser.click(driver, By.cssSelector("#issue-token button[type=submit]"));
		var secret = wait.until(visibilityOfElementLocated(By.id("issued-secret"))).getText();
		assertThat(secret).startsWith("lt_");
		Api.bearer(port, secret).get().uri("/api/v1/staff/me/tokens").exchange().expectStatus().isOk();
		var rowPath = "//tr[contains(@class,'token')][td[1][normalize-space()='对接测试" + suffix + "']]";
		var row = By.xpath(rowPath);
		Browser.click(driver, By.xpath(rowPath + "//button[contains(@class,'revoke-token')]"));
		wait.until(textToBe(By.id("done"), "令牌已吊销。"));
		assertThat(driver.getPageSource()).doesNotContain(secret);
		assertThat(driver.findElement(row).getText()).contains("已吊销");
		Api.bearer(port, secret).get().uri("/api/v1/staff/me/tokens").exchange().expectStatus().isUnauthorized();

		// a clerk registered through the API, disabled and enabled again on their page
		var username = "qian.li" + suffix;
		Api.as(port, "admin").post().uri("/api/v1/staff").contentType(MediaType.APPLICATION_JSON)
			.body(new StaffApi.NewStaff(username, "钱丽", "DY8" + suffix, directory.units().get(0).id().id(), true,
					List.of("ASSISTANT"), INITIAL))
			.exchange().expectStatus().isCreated();
		driver.get(base() + "/staff?q=" + "DY8" + suffix);
		Browser.click(driver, By.cssSelector("#staff-list a.person-link"));
		wait.until(visibilityOfElementLocated(By.id("person-name")));
		Browser.click(driver, By.cssSelector("#toggle-enabled button"));
		wait.until(visibilityOfElementLocated(By.id("person-disabled")));
		assertThat(driver.findElement(By.id("done")).getText()).isEqualTo("账号已停用。");
		Api.as(port, username, INITIAL).get().uri("/api/v1/staff/me/tokens").exchange().expectStatus()
			.isUnauthorized();
		Browser.click(driver, By.cssSelector("#toggle-enabled button"));
		wait.until(textToBe(By.id("done"), "账号已启用。"));
		assertThat(driver.findElements(By.id("person-disabled"))).isEmpty();
		assertThat(driver.findElement(By.id("person-name")).getText()).isEqualTo("钱丽");
		assertThat(Api.as(port, username, INITIAL).get().uri("/api/v1/staff/me/tokens").exchange()
			.returnResult(String.class).getStatus().value())
			.as("enabled again: the password is accepted (and must still be changed)").isNotEqualTo(401);
	}

	private void signIn(String username, String password) {
		driver.manage().deleteAllCookies();
		driver.get(base() + "/login");
		wait.until(visibilityOfElementLocated(By.id("username"))).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.id("login-submit")).click();
	}

	private void chooseUnit(String name) {
		var select = new Select(driver.findElement(By.id("unitId")));
		select.getOptions().stream().filter(o -> o.getText().strip().equals(name)).findFirst().orElseThrow().click();
	}

	private void replace(String id, String value) {
		var input = driver.findElement(By.id(id));
		input.clear();
		input.sendKeys(value);
	}

	/** Date inputs take keystrokes in the browser's locale format; setting the value is exact. */
	private void setValue(String id, String value) {
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id(id)),
				value);
	}

	private String base() {
		return Api.base(port);
	}
}
