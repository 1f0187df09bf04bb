package org.lawtrace.devices.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

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
import org.lawtrace.devices.DeviceApi;
import org.lawtrace.devices.DeviceApi.DeviceView;
import org.lawtrace.devices.DeviceApi.NewDevice;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The custodian's day at the counter in a real browser (ART-09 to ART-12): a pre-use check typed wrong is refused
 * with every problem at once and what was typed kept; a check that falls short blocks the issue until the deputy
 * director overrides it with a reason; the device is issued to an officer, taken back and reported faulty; its page
 * tells the whole history; the custodian's home counts faulty and overdue devices, late uploads and unlinked
 * recordings. Other roles are offered none of it.
 */
@LawTraceIntegrationTest
@ExtendWith(BrowserSession.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustodianUiBrowserTests {

	private static final ZoneId BUREAU = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	private Browser browser;
	private WebDriver driver;
	private WebDriverWait wait;

	@BeforeAll
	void startBrowser(Browser browser) {
		this.browser = browser;
		driver = browser.driver();
		wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		// the phones' script relabels table cells and htmx swaps parts in: an element read mid-swap is read again
		wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
	}

	@Test
	@DisplayName("ART-10, ART-11, ART-12: check (refused, failed, overridden), issue, return, fault; history and home tiles")
	void custodianWorksTheCounter() {
		var serial = "UI-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		// commissioned over a year ago and never maintained: overdue for maintenance (ART-11)
		var device = Api.as(port, "zhao.min").post().uri("/api/v1/devices").contentType(MediaType.APPLICATION_JSON)
			.body(new NewDevice(serial, "BODY_CAMERA", "测试型号 UI", unitId("DY-JCD"), 64_000,
					LocalDate.now(BUREAU).minusYears(1).toString()))
			.exchange().expectStatus().isCreated().returnResult(DeviceView.class).getResponseBody();

		browser.signIn(Api.base(port), "zhao.min");
		Browser.click(driver, By.id("nav-devices"));
		new Select(wait.until(presenceOfElementLocated(By.id("maintenance")))).selectByValue("OVERDUE");
		Browser.click(driver, By.id("apply-filter"));
		// the filtered list is swapped in by htmx: the row may first be found in the list it replaces
		Browser.click(driver, By.xpath("//tr[@data-serial='" + serial + "']//a[contains(@class,'device-link')]"));
		wait.until(d -> d.findElement(By.id("device-serial")).getText().equals(serial));
		assertThat(driver.findElement(By.id("issue-needs-check")).getText()).contains("使用前检查");
		assertThat(driver.findElements(By.id("issue-form"))).isEmpty();

		// typed wrong: both problems at once, and what was typed stays
		driver.findElement(By.id("batteryPercent")).sendKeys("八十");
		driver.findElement(By.id("freeStoragePercent")).sendKeys("150");
		Browser.click(driver, By.id("record-check"));
		wait.until(d -> d.findElement(By.id("batteryPercent")).getAttribute("class").contains("is-invalid"));
		assertThat(driver.findElement(By.id("batteryPercent")).getDomProperty("value")).isEqualTo("八十");
		assertThat(driver.findElement(By.id("freeStoragePercent")).getDomProperty("value")).isEqualTo("150");
		assertThat(driver.findElement(By.id("clockOffsetSeconds")).getAttribute("class")).contains("is-invalid");
		assertThat(driver.findElement(By.id("freeStoragePercent")).getAttribute("class")).contains("is-invalid");

		// a check that falls short (battery) blocks the issue: ART-11
		fillCheck("10", "80", "0");
		wait.until(d -> d.findElement(By.id("done")).getText().contains("已记录使用前检查"));
		assertThat(driver.findElement(By.id("issue-needs-check")).getText()).contains("须分管副局长或局长");
		assertThat(driver.findElements(By.id("issue-form"))).isEmpty();
		assertThat(driver.findElements(By.id("override-form"))).as("the keeper cannot override").isEmpty();
		speaksAsStaffDo("zhao.min", "/devices/" + device.id());

		// the deputy director overrides it with a reason
		browser.signIn(Api.base(port), "liu.yang");
		open("/devices/" + device.id());
		driver.findElement(By.id("override-reason")).sendKeys("现场急需，备用电池随行");
		Browser.click(driver, By.id("override"));
		wait.until(d -> d.findElement(By.id("done")).getText().contains("已放行"));
		assertThat(driver.findElements(By.id("issue-form"))).as("only the keeper issues").isEmpty();

		// the custodian issues it to an officer, takes it back, and reports a fault
		browser.signIn(Api.base(port), "zhao.min");
		open("/devices/" + device.id());
		var holders = new Select(wait.until(presenceOfElementLocated(By.id("issue-holder"))));
		holders.getOptions().stream().filter(o -> o.getText().startsWith("张伟（")).findFirst().orElseThrow().click();
		Browser.click(driver, By.id("issue"));
		wait.until(d -> d.findElement(By.id("done")).getText().contains("设备已领用"));
		assertThat(driver.findElement(By.id("device-holder")).getText()).isEqualTo("张伟");
		assertThat(driver.findElement(By.cssSelector(".device-status")).getText()).isEqualTo("已领用");

		driver.findElement(By.id("return-note")).sendKeys("完好");
		Browser.click(driver, By.id("return"));
		wait.until(d -> d.findElement(By.id("done")).getText().contains("已归还"));
		assertThat(driver.findElement(By.cssSelector(".device-status")).getText()).isEqualTo("在库可用");

		Browser.click(driver, By.id("report-fault"));
		wait.until(d -> d.findElement(By.id("fault-description")).getAttribute("class").contains("is-invalid"));
		driver.findElement(By.id("fault-description")).sendKeys("开机后屏幕不亮");
		Browser.click(driver, By.id("report-fault"));
		wait.until(d -> d.findElement(By.id("done")).getText().contains("已报告故障"));
		assertThat(driver.findElement(By.cssSelector(".device-status")).getText()).isEqualTo("故障停用");
		assertThat(driver.findElements(By.id("repair-form"))).as("a faulty device is sent for repair").hasSize(1);
		assertThat(driver.findElements(By.id("check-form"))).as("no check of a device out of service").isEmpty();

		// the device's page tells its whole history, newest first
		var history = driver.findElements(By.cssSelector("#history .history-what")).stream().map(e -> e.getText())
			.toList();
		assertThat(history).containsSubsequence("故障停用", "入库", "领用", "使用前检查未通过", "入库");
		var text = driver.findElement(By.id("history")).getText();
		assertThat(text).contains("开机后屏幕不亮", "领用人 张伟", "经刘洋放行，理由：现场急需，备用电池随行", "电量不足", "赵敏");
		speaksAsStaffDo("zhao.min", "/devices/" + device.id());

		// the custodian's home: faulty and overdue devices, late uploads and unlinked recordings
		open("/");
		var faulty = wait.until(presenceOfElementLocated(By.cssSelector("#tile-faulty .tile-count")));
		assertThat(Integer.parseInt(faulty.getText())).isPositive();
		assertThat(Integer.parseInt(driver.findElement(By.cssSelector("#tile-maintenance-overdue .tile-count"))
			.getText())).isPositive();
		wait.until(presenceOfElementLocated(By.id("tile-late-uploads")));
		assertThat(driver.findElement(By.id("tile-unlinked")).getText()).contains("未关联案件");
		Browser.click(driver, By.id("tile-faulty"));
		wait.until(presenceOfElementLocated(By.xpath("//tr[@data-serial='" + serial + "']")));

		for (var path : new String[] { "/devices", "/devices/stations", "/compliance/queues/late-uploads",
				"/compliance/queues/unlinked" }) {
			speaksAsStaffDo("zhao.min", path);
		}
	}

	@Test
	@DisplayName("ART-20: the custodian's pages and actions are refused to the other roles, and not offered to them")
	void otherRolesAreRefused() {
		for (var who : new String[] { "zhang.wei", "chen.jing", "liu.yang", "admin" }) {
			for (var path : new String[] { "/compliance/queues/late-uploads", "/compliance/queues/unlinked" }) {
				Api.as(port, who).get().uri(path).accept(MediaType.TEXT_HTML).exchange()
					.expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
			}
		}
		Api.as(port, "zhang.wei").get().uri("/devices/stations").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
		Api.as(port, "chen.jing").get().uri("/devices").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
		browser.signIn(Api.base(port), "zhang.wei");
		assertThat(driver.findElements(By.id("nav-devices"))).isEmpty();
		assertThat(driver.findElements(By.id("nav-late-uploads"))).isEmpty();
		assertThat(driver.findElements(By.id("custodian-device-tiles"))).isEmpty();
	}

	private void fillCheck(String battery, String storage, String clock) {
		for (var field : new String[] { "batteryPercent", "freeStoragePercent", "clockOffsetSeconds" }) {
			driver.findElement(By.id(field)).clear();
		}
		driver.findElement(By.id("batteryPercent")).sendKeys(battery);
		driver.findElement(By.id("freeStoragePercent")).sendKeys(storage);
		driver.findElement(By.id("clockOffsetSeconds")).sendKeys(clock);
		Browser.click(driver, By.id("record-check"));
	}

	private String unitId(String code) {
		return Api.as(port, "zhao.min").get().uri("/api/v1/units").exchange().returnResult(DeviceApi.UNITS)
			.getResponseBody().stream().filter(u -> code.equals(u.code())).findFirst().orElseThrow().id();
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
