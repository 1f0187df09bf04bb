package org.lawtrace.recordings.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lawtrace.Api;
import org.lawtrace.cases.CaseApi;
import org.lawtrace.Browser;
import org.lawtrace.BrowserSession;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.cases.CaseApi.NewStage;
import org.lawtrace.recordings.Media;
import org.lawtrace.shared.BureauTime;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.util.FileSystemUtils;

/** The recording pages in a real browser: an officer uploads, finds, plays and links recordings of his case. */
@LawTraceIntegrationTest
@ExtendWith(BrowserSession.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingUiBrowserTests {

	private static final AtomicLong SEED = new AtomicLong(System.nanoTime());

	@LocalServerPort
	int port;

	@Autowired
	BureauTime time;

	private Browser browser;
	private WebDriver driver;
	private WebDriverWait wait;
	private Path files;

	@BeforeAll
	void startBrowser(Browser browser) throws IOException {
		this.browser = browser;
		driver = browser.driver();
		wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		files = Files.createTempDirectory("lawtrace-upload-");
	}

	@AfterAll
	void deleteFiles() {
		FileSystemUtils.deleteRecursively(files.toFile());
	}

	@Test
	@DisplayName("ART-15, ART-06: an officer uploads a photo through the page, sees it stored whole and listed as a "
			+ "daily enforcement record, views it, links it to his case's seizure with a reason, and finds it on the "
			+ "case page")
	void officerUploadsAPhotoAndLinksItToHisSeizure() throws Exception {
		var number = Api.newCaseNumber();
		var caseId = Api.openCase(port, number);
		seizure(caseId);
		var taken = LocalDateTime.ofInstant(time.now().minus(Duration.ofMinutes(40)), time.zone()).withNano(0);
		var photo = file("IMG_" + SEED.incrementAndGet() + ".jpg", Media.jpeg(taken, 29.2891, 120.2412, SEED.get()));

		var serial = HeldDevice.issueNew(port, "zhang.wei");

		signIn("zhang.wei");
		open("/recordings/upload");
		driver.findElement(By.id("files")).sendKeys(photo.toString());
		// ART-09: the device is chosen from those the officer holds, not typed
		new Select(driver.findElement(By.id("deviceSerial"))).selectByValue(serial);
		driver.findElement(By.id("start-upload")).click();

		var item = settled(photo);
		assertThat(item.getDomAttribute("data-outcome")).isEqualTo("stored");
		assertThat(item.findElement(By.cssSelector(".progress")).getDomAttribute("aria-valuenow")).isEqualTo("100");
		assertThat(item.findElement(By.cssSelector(".upload-sha256")).getText()).isEqualTo(sha256(photo));
		screenshot("upload-page");

		driver.findElement(By.id("nav-recordings")).click();
		var row = wait.until(presenceOfElementLocated(By.xpath(
				"//tr[contains(@class,'recording-row')][.//a[text()='" + photo.getFileName() + "']]")));
		assertThat(row.findElement(By.className("unlinked-badge")).getText()).isEqualTo("日常执法记录（未关联）");
		assertThat(row.getText()).contains("照片", "张伟", serial);
		screenshot("recording-list");
		row.findElement(By.className("recording-link")).click();

		var image = wait.until(visibilityOfElementLocated(By.cssSelector("img.recording-media")));
		wait.until(d -> loaded(image));
		assertThat(text("recording-sha256")).isEqualTo(sha256(photo));
		assertThat(text("recording-gps")).isEqualTo("29.289100, 120.241200");

		driver.findElement(By.id("caseNumber")).sendKeys(number);
		wait.until(presenceOfElementLocated(By.cssSelector("#case-picker input[name=stageIds][data-kind=SEIZURE]")));
		assertThat(text("case-picker")).contains(number, "东阳市示例食品有限公司");
		Browser.click(driver, By.cssSelector("#case-picker input[name=stageIds][data-kind=SEIZURE]"));
		driver.findElement(By.id("reason")).sendKeys("关联到扣押环节");
		Browser.click(driver, By.id("save-revision"));

		wait.until(visibilityOfElementLocated(By.id("revised")));
		assertThat(text("revised")).isEqualTo("已保存为第 2 版");
		var versions = driver.findElements(By.cssSelector("#history-table .history-row"));
		assertThat(versions).hasSize(2);
		assertThat(versions.get(1).findElement(By.className("history-version")).getText()).isEqualTo("第 2 版");
		assertThat(versions.get(1).getText()).contains("张伟", "关联到扣押环节", number, "扣押");
		assertThat(driver.findElement(By.cssSelector("#recording-labels .label-case")).getText()).isEqualTo(number);
		assertThat(driver.findElement(By.cssSelector("#recording-labels .label-parties")).getText())
			.isEqualTo("东阳市示例食品有限公司");
		assertThat(driver.findElement(By.cssSelector("#recording-labels .label-handlers")).getText())
			.isEqualTo("张伟、李娜");
		assertThat(driver.findElements(By.className("unlinked-badge"))).isEmpty();
		var recordingId = driver.getCurrentUrl().replaceAll(".*/recordings/([0-9a-f-]{36}).*", "$1");
		open("/recordings/" + recordingId);
		wait.until(d -> loaded(d.findElement(By.cssSelector("img.recording-media"))));
		screenshot("recording-page");

		open("/cases/" + caseId);
		var card = wait.until(presenceOfElementLocated(By.cssSelector(
				"#recordings .recording-group[data-kind=SEIZURE] .recording-card[data-recording='" + recordingId + "']")));
		var onCasePage = card.findElement(By.cssSelector("img.recording-media"));
		wait.until(d -> loaded(onCasePage));
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()",
				driver.findElement(By.id("stages")));
		screenshot("case-page-recordings");
	}

	@Test
	@DisplayName("From the case page an officer uploads a video for a stage of the case; its page plays it from the "
			+ "pages' content route")
	void officerUploadsAVideoForHisCaseFromTheCasePage() throws Exception {
		var number = Api.newCaseNumber();
		var caseId = Api.openCase(port, number);
		seizure(caseId);
		var video = file("DSJ_" + SEED.incrementAndGet() + ".MP4",
				Media.mp4(time.now().minus(Duration.ofHours(2)), Duration.ofMinutes(12), 256 * 1024, SEED.get()));

		signIn("zhang.wei");
		open("/cases/" + caseId);
		Browser.click(driver, By.id("upload-for-case"));
		wait.until(presenceOfElementLocated(By.cssSelector("#case-picker input[name=stageIds][data-kind=SEIZURE]")));
		assertThat(driver.findElement(By.id("caseNumber")).getDomProperty("value")).isEqualTo(number);
		Browser.click(driver, By.cssSelector("#case-picker input[name=stageIds][data-kind=SEIZURE]"));
		driver.findElement(By.id("files")).sendKeys(video.toString());
		driver.findElement(By.id("start-upload")).click();

		var item = settled(video);
		assertThat(item.getDomAttribute("data-outcome")).isEqualTo("stored");
		assertThat(item.findElement(By.cssSelector(".upload-sha256")).getText()).isEqualTo(sha256(video));
		item.findElement(By.className("upload-open")).click();

		var player = wait.until(presenceOfElementLocated(By.cssSelector("video.recording-media")));
		var recordingId = driver.getCurrentUrl().replaceAll(".*/recordings/([0-9a-f-]{36}).*", "$1");
		// the made-up MP4 has no decodable track, so the player is checked, not the playing
		assertThat(player.getDomAttribute("src")).isEqualTo("/recordings/" + recordingId + "/content");
		assertThat(player.getDomAttribute("controls")).isNotNull();
		assertThat(driver.findElement(By.cssSelector("#recording-labels .label-case")).getText()).isEqualTo(number);
		assertThat(text("recording-stages")).contains("扣押");
	}

	@Test
	@DisplayName("ART-15: a bad description is refused beside its field before any file is sent; of two files "
			+ "then uploaded together, the one that is not audio, video or a photo is refused beside its name, and "
			+ "the other is stored")
	void eachFileGetsItsOwnOutcome() throws Exception {
		var voice = file("voice-" + SEED.incrementAndGet() + ".wav", Media.wav(13));
		var program = file("camera-" + SEED.incrementAndGet() + ".mp4", Media.executable());

		signIn("wang.qiang");
		open("/recordings/upload");
		var start = time.today().minusDays(1).atTime(14, 5);
		setValue("startedAt", start.toString());
		driver.findElement(By.id("files")).sendKeys(voice + "\n" + program);
		setValue("endedAt", start.minusMinutes(5).toString());
		driver.findElement(By.id("start-upload")).click();

		var wrongEnd = wait.until(visibilityOfElementLocated(By.id("endedAt-error")));
		assertThat(wrongEnd.getText()).contains("结束时间不能早于开始时间");
		assertThat(driver.findElements(By.cssSelector("#upload-results .upload-item")))
			.as("a bad description is refused before any file is sent").isEmpty();
		setValue("endedAt", "");
		driver.findElement(By.id("start-upload")).click();

		assertThat(settled(voice).getDomAttribute("data-outcome")).isEqualTo("stored");
		var refused = settled(program);
		assertThat(refused.getDomAttribute("data-outcome")).isEqualTo("refused");
		assertThat(refused.findElement(By.className("upload-reason")).getText()).contains("不是音频、视频或照片");
		var digest = sha256(program);
		Api.as(port, "zhang.wei").get()
			.uri(u -> u.path("/api/v1/recordings").queryParam("sha256", digest).build())
			.accept(MediaType.APPLICATION_JSON).exchange()
			.expectBody().jsonPath("$.total").isEqualTo(0);
	}

	@Test
	@DisplayName("ART-09, ART-06: from a stage of his case an officer opens the upload page with that stage ticked, "
			+ "the device he holds chosen and a link back to the case, and the file lands in that stage")
	void uploadFromACaseStagePicksTheStageAndTheHeldDevice() throws Exception {
		var number = Api.newCaseNumber();
		var caseId = Api.as(port, "chen.hao").post().uri("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
			.body(CaseApi.penaltyCase(number).withHandlers("chen.hao", "zhang.wei"))
			.exchange().expectStatus().isCreated()
			.returnResult(CaseApi.CaseView.class).getResponseBody().id();
		Api.as(port, "chen.hao").post().uri("/api/v1/cases/{id}/stages", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(NewStage.of("SEIZURE", time.local(time.now().minus(Duration.ofHours(2))).toString(), "chen.hao",
					"zhang.wei").at("东阳市吴宁街道艺海路18号"))
			.exchange().expectStatus().isCreated();
		// 陈浩's own body camera is in repair; the custodian issues him another, the one he now holds
		var serial = HeldDevice.issueNew(port, "chen.hao");
		var taken = LocalDateTime.ofInstant(time.now().minus(Duration.ofMinutes(90)), time.zone()).withNano(0);
		var photo = file("IMG_" + SEED.incrementAndGet() + ".jpg", Media.jpeg(taken, 29.2891, 120.2412, SEED.get()));

		signIn("chen.hao");
		open("/cases/" + caseId);
		var link = wait.until(presenceOfElementLocated(
				By.cssSelector("#recordings .recording-group[data-kind=SEIZURE] a.upload-for-stage")));
		Browser.click(driver, By.cssSelector("#recordings .recording-group[data-kind=SEIZURE] a.upload-for-stage"));
		assertThat(link).isNotNull();

		var seizureBox = wait.until(presenceOfElementLocated(
				By.cssSelector("#case-picker input[name=stageIds][data-kind=SEIZURE]")));
		assertThat(seizureBox.isSelected()).as("the stage the officer came from is ticked").isTrue();
		var device = new Select(driver.findElement(By.id("deviceSerial")));
		assertThat(device.getFirstSelectedOption().getDomAttribute("value"))
			.as("the one device he holds is chosen").isEqualTo(serial);
		assertThat(device.getOptions()).extracting(o -> o.getText()).anyMatch(t -> t.contains("执法记录仪") && t.contains(serial));
		var back = driver.findElement(By.cssSelector("#back-to-case a"));
		assertThat(back.getText()).contains(number);
		assertThat(back.getDomAttribute("href")).endsWith("/cases/" + caseId);

		driver.findElement(By.id("files")).sendKeys(photo.toString());
		driver.findElement(By.id("start-upload")).click();
		assertThat(settled(photo).getDomAttribute("data-outcome")).isEqualTo("stored");

		driver.findElement(By.cssSelector("#back-to-case a")).click();
		var group = By.cssSelector("#recordings .recording-group[data-kind=SEIZURE]");
		wait.until(d -> !d.findElements(group).isEmpty()
				&& d.findElement(group).getText().contains(photo.getFileName().toString()));
	}

	private void seizure(String caseId) {
		Api.as(port, "zhang.wei").post().uri("/api/v1/cases/{id}/stages", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(NewStage.of("SEIZURE", time.local(time.now().minus(Duration.ofHours(3))).toString(), "zhang.wei",
					"li.na").at("东阳市吴宁街道艺海路18号"))
			.exchange().expectStatus().isCreated();
	}

	/** The upload list's entry for a file, once its upload has an outcome. */
	private WebElement settled(Path file) {
		var item = By.cssSelector("#upload-results .upload-item[data-file='" + file.getFileName() + "']");
		wait.until(d -> !d.findElements(item).isEmpty()
				&& d.findElement(item).getDomAttribute("data-outcome") != null);
		return driver.findElement(item);
	}

	private boolean loaded(WebElement image) {
		var width = ((JavascriptExecutor) driver)
			.executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0", image);
		return width instanceof Number n && n.intValue() > 0;
	}

	private Path file(String name, byte[] bytes) throws IOException {
		return Files.write(files.resolve(name), bytes);
	}

	private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
	}

	private void signIn(String username) {
		browser.signIn(Api.base(port), username);
	}

	private void open(String path) {
		driver.get(Api.base(port) + path);
	}

	private String text(String id) {
		return driver.findElement(By.id(id)).getText();
	}

	/** datetime-local inputs take keystrokes in the browser's locale format; setting the value is exact. */
	private void setValue(String id, String value) {
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]",
				driver.findElement(By.id(id)), value);
	}

	private void screenshot(String name) throws IOException {
		var dir = Files.createDirectories(Path.of("target", "screenshots"));
		var png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(png, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}
}
