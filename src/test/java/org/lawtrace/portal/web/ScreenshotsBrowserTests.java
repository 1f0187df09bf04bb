package org.lawtrace.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lawtrace.Api;
import org.lawtrace.Browser;
import org.lawtrace.BrowserSession;
import org.lawtrace.LawTraceIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The README's pictures: each role's home, a case page and the upload page of the demo bureau on a phone 390 px
 * wide, written as PNGs into the folder {@code -Dlawtrace.screenshots} names (scripts/screenshots.sh passes
 * docs/screenshots). Without that property the class does not run: it proves nothing the other tests do not.
 */
@LawTraceIntegrationTest
@ExtendWith(BrowserSession.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfSystemProperty(named = ScreenshotsBrowserTests.FOLDER, matches = ".+")
class ScreenshotsBrowserTests {

	static final String FOLDER = "lawtrace.screenshots";

	@LocalServerPort
	int port;

	private Browser browser;
	private WebDriver driver;
	private Path folder;

	@BeforeAll
	void start(Browser browser) throws IOException {
		this.browser = browser;
		driver = browser.driver();
		folder = Files.createDirectories(Path.of(System.getProperty(FOLDER)).toAbsolutePath());
		// the dashboards show the demo cases as last checked
		Api.as(port, "sun.li").post().uri("/api/v1/compliance/evaluations").exchange().expectStatus().isOk();
		browser.asPhone(PhoneLayoutBrowserTests.PHONE_WIDTH, 844, 2);
	}

	@AfterAll
	void backToDesktop() {
		browser.asDesktop();
	}

	@Test
	@DisplayName("Screenshots at 390 px: each role's home, a case page, the upload page, the compliance dashboard")
	void takeScreenshots() throws IOException {
		var homes = new LinkedHashMap<String, String>();
		homes.put("home-officer", "zhang.wei");
		homes.put("home-custodian", "zhao.min");
		homes.put("home-legal-affairs", "chen.jing");
		homes.put("home-deputy-director", "liu.yang");
		homes.put("home-director", "sun.li");
		homes.put("home-discipline", "zhou.tao");
		homes.put("home-administrator", "admin");
		for (var home : homes.entrySet()) {
			browser.signIn(base(), home.getValue());
			browser.awaitLoadedParts();
			shoot(home.getKey());
		}

		browser.signIn(base(), "sun.li");
		open("/compliance");
		shoot("compliance-dashboard");

		browser.signIn(base(), "zhang.wei");
		browser.awaitLoadedParts();
		var casePage = driver.findElement(By.cssSelector("#my-cases table a[href^='/cases/']")).getAttribute("href");
		driver.get(casePage);
		browser.awaitLoadedParts();
		shoot("case-page");
		open("/recordings/upload");
		shoot("upload-page");
		assertThat(folder.resolve("upload-page.png")).isNotEmptyFile();
	}

	private void open(String path) {
		driver.get(base() + path);
		browser.awaitLoadedParts();
	}

	private void shoot(String name) throws IOException {
		var png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(png, folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
