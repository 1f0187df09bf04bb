package org.lawtrace.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lawtrace.Api;
import org.lawtrace.Browser;
import org.lawtrace.BrowserSession;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.Uploads;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages on a phone 390 px wide, as an officer in the field uses them: the navigation folds behind a menu button,
 * no page is wider than the screen (tables turn into cards), and the upload page's fields and buttons are big enough
 * for a thumb (44 px). The rules live in the shared layout and style sheet, so every page has them.
 */
@LawTraceIntegrationTest
@ExtendWith(BrowserSession.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneLayoutBrowserTests {

	static final int PHONE_WIDTH = 390;
	static final int TOUCH_TARGET = 44;

	@LocalServerPort
	int port;

	private Browser browser;
	private WebDriver driver;
	private String caseId;

	@BeforeAll
	void startPhone(Browser browser) {
		this.browser = browser;
		driver = browser.driver();
		// a case of the officer's with a stage and a recording, so the lists have rows to lay out
		caseId = Api.openCase(port, Api.newCaseNumber());
		var bytes = Media.mp4(Instant.now().minusSeconds(3600), Duration.ofMinutes(2), 1024, System.nanoTime());
		Uploads.upload(Api.as(port, "zhang.wei"), Map.of("recordedBy", "zhang.wei", "caseId", caseId), bytes,
				"20261205_093000_0001_a_long_camera_file_name_without_spaces.MP4")
			.expectStatus().isCreated();
		browser.asPhone(PHONE_WIDTH, 844, 1);
	}

	@AfterAll
	void backToDesktop() {
		browser.asDesktop();
	}

	@Test
	@DisplayName("At 390 px the navigation is folded behind the menu button, which opens and folds it again")
	void navigationFoldsAwayOnAPhone() {
		browser.signIn(base(), "zhang.wei");
		browser.awaitLoadedParts();
		assertThat(visible("#nav-toggle")).isTrue();
		assertThat(visible("#main-nav")).as("the navigation is folded").isFalse();
		assertThat(height("header")).as("the header is one line, not the 250 px it took").isLessThanOrEqualTo(72);
		assertThat(height("#nav-toggle")).isGreaterThanOrEqualTo(TOUCH_TARGET);

		Browser.click(driver, By.id("nav-toggle"));
		new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> visible("#main-nav"));
		assertThat(driver.findElement(By.id("nav-recordings")).isDisplayed()).isTrue();
		assertThat(driver.findElement(By.id("nav-toggle")).getAttribute("aria-expanded")).isEqualTo("true");
		assertThat(overflow()).as("the opened menu fits the screen").isEmpty();
		Browser.click(driver, By.id("nav-toggle"));
		new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !visible("#main-nav"));
	}

	@Test
	@DisplayName("At 390 px no page is wider than the screen: home, case list, case page, recordings list, upload page")
	void noPageIsWiderThanThePhone() {
		browser.signIn(base(), "zhang.wei");
		for (var path : List.of("/", "/cases", "/cases/" + caseId, "/recordings", "/recordings/upload")) {
			open(path);
			assertThat(visible("#main-nav")).as("%s: navigation folded", path).isFalse();
			assertThat(overflow()).as("%s: elements reaching past the right edge", path).isEmpty();
			assertThat(scrollWidth()).as("%s: page width", path).isLessThanOrEqualTo(PHONE_WIDTH);
		}
	}

	@Test
	@DisplayName("At 390 px every page each role's menu leads to fits the screen")
	void everyRolesPagesFitThePhone() {
		var wide = new java.util.ArrayList<String>();
		for (var user : List.of("zhang.wei", "wang.qiang", "zhao.min", "chen.jing", "liu.yang", "sun.li", "zhou.tao",
				"admin")) {
			browser.signIn(base(), user);
			browser.awaitLoadedParts();
			var links = driver.findElements(By.cssSelector("#main-nav a.nav-link")).stream()
				.map(a -> a.getAttribute("href")).distinct().toList();
			for (var link : links) {
				driver.get(link);
				browser.awaitLoadedParts();
				if (!overflow().isEmpty() || scrollWidth() > PHONE_WIDTH) {
					wide.add(user + " " + link.substring(base().length()) + " " + overflow());
				}
			}
		}
		assertThat(wide).isEmpty();
	}

	@Test
	@DisplayName("At 390 px tables are lists of cards, each value under its column's heading")
	void tablesBecomeCards() {
		browser.signIn(base(), "zhang.wei");
		open("/recordings");
		var row = driver.findElement(By.cssSelector("table.recording-table tr.recording-row"));
		assertThat(driver.findElement(By.cssSelector("table.recording-table thead")).isDisplayed()).isFalse();
		var cells = row.findElements(By.tagName("td"));
		assertThat(cells.get(0).getAttribute("data-label")).isEqualTo("类型");
		// found by its label, not its place: columns come and go (the poster column came after this test)
		var recorder = cells.stream().filter(c -> "记录人".equals(c.getAttribute("data-label"))).findFirst().orElseThrow();
		assertThat(js().executeScript("return getComputedStyle(arguments[0], '::before').content", recorder))
			.isEqualTo("\"记录人\"");
		assertThat(recorder.getText()).isEqualTo("张伟");
		// one cell under another, each as wide as the card
		assertThat(cells.get(1).getRect().getY()).isGreaterThan(cells.get(0).getRect().getY());
		assertThat(cells.get(0).getRect().getWidth()).isEqualTo(cells.get(1).getRect().getWidth());
	}

	@Test
	@DisplayName("At 390 px the upload page's fields and buttons are at least 44 px high, for a thumb in the field")
	void uploadPageHasTouchTargets() {
		browser.signIn(base(), "zhang.wei");
		open("/recordings/upload");
		@SuppressWarnings("unchecked")
		var small = (List<String>) js().executeScript("""
				var small = [];
				document.querySelectorAll('main button, main .btn, main input, main select, main textarea')
					.forEach(function (e) {
						if (e.type === 'hidden' || e.offsetParent === null) { return; }
						var target = (e.type === 'checkbox' || e.type === 'radio') ? (e.closest('.form-check') || e) : e;
						var height = target.getBoundingClientRect().height;
						if (height < arguments[0]) { small.push((e.id || e.name || e.tagName) + ' ' + height); }
					});
				return small;""", TOUCH_TARGET);
		assertThat(small).isEmpty();
		assertThat(height("#start-upload")).isGreaterThanOrEqualTo(TOUCH_TARGET);
	}

	private void open(String path) {
		driver.get(base() + path);
		browser.awaitLoadedParts();
	}

	/** The elements whose right edge lies past the screen's, with their tags, ids and classes. */
	@SuppressWarnings("unchecked")
	private List<String> overflow() {
		return (List<String>) js().executeScript("""
				var width = document.documentElement.clientWidth, wide = [];
				document.querySelectorAll('body *').forEach(function (e) {
					var box = e.getBoundingClientRect();
					if (box.width > 0 && box.right > width + 1) {
						wide.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
							+ (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
							+ ' right=' + Math.round(box.right));
					}
				});
				return wide.slice(0, 15);""");
	}

	private long scrollWidth() {
		return (Long) js().executeScript("return document.documentElement.scrollWidth");
	}

	private boolean visible(String css) {
		var found = driver.findElements(By.cssSelector(css));
		return !found.isEmpty() && found.get(0).isDisplayed();
	}

	private long height(String css) {
		return Math.round(((Number) js().executeScript(
				"return document.querySelector(arguments[0]).getBoundingClientRect().height", css)).doubleValue());
	}

	private JavascriptExecutor js() {
		return (JavascriptExecutor) driver;
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
