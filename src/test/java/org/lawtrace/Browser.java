package org.lawtrace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * A headless Debian chromium, driven through Debian's chromedriver with a fresh profile. Both paths are given
 * explicitly, so Selenium Manager never looks for (or downloads) a browser or driver: tests run offline.
 */
public final class Browser implements AutoCloseable {

	public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
	public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private final ChromeDriver driver;
	private final Path profile;

	private Browser(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	public static Browser start() {
		Path profile;
		try {
			profile = Files.createTempDirectory("lawtrace-chromium-");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
		var options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,1400", "--lang=zh-CN");
		var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
		return new Browser(new ChromeDriver(service, options), profile);
	}

	/**
	 * Clicks the element once it can take the click. Panels that htmx loads after the page may still push it about,
	 * and a click that lands on a panel moving in is intercepted: then it scrolls the element to the middle and tries
	 * again, for up to ten seconds.
	 */
	public static void click(WebDriver driver, By by) {
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.ignoring(ElementClickInterceptedException.class)
			.ignoring(StaleElementReferenceException.class)
			.ignoring(NoSuchElementException.class)
			.until(d -> {
				var element = d.findElement(by);
				// instantly: Bootstrap asks for smooth scrolling, and a click during the glide lands elsewhere
				((JavascriptExecutor) d).executeScript(
						"arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
				element.click();
				return true;
			});
	}

	/** Signs in through the login form as a demo user, with a fresh session, and waits for the home page. */
	public void signIn(String base, String username) {
		driver.get(base + "/login");
		driver.manage().deleteAllCookies();
		driver.get(base + "/login");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(Api.PASSWORD);
		driver.findElement(By.id("login-submit")).click();
		new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlToBe(base + "/"));
	}

	/**
	 * From now on pages are laid out as on a phone {@code width} CSS pixels wide (390: a common handset), with
	 * {@code scale} device pixels to the CSS pixel in screenshots; {@link #asDesktop()} undoes it.
	 */
	public void asPhone(int width, int height, double scale) {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", scale, "mobile", true));
		// pictures of a page, not of its animations halfway
		driver.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", java.util.List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
	}

	public void asDesktop() {
		driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", java.util.List.of()));
	}

	/**
	 * Waits until the parts of the page that htmx loads after it (hx-trigger="load") have all been swapped in, so a
	 * measurement or screenshot sees the whole page.
	 */
	public void awaitLoadedParts() {
		new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
				"return document.readyState === 'complete' && !document.querySelector('[hx-trigger=\"load\"]')"
						+ " && !document.querySelector('.htmx-request')"));
	}

	public WebDriver driver() {
		return driver;
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			FileSystemUtils.deleteRecursively(profile.toFile());
		}
	}
}
