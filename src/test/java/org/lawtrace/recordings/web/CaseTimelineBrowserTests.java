package org.lawtrace.recordings.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lawtrace.Api;
import org.lawtrace.Browser;
import org.lawtrace.BrowserSession;
import org.lawtrace.FfmpegAvailable;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.recordings.RecordingApi.UploadMetadata;
import org.lawtrace.recordings.Uploads;
import org.lawtrace.shared.BureauTime;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.util.FileSystemUtils;

/**
 * ART-06 at a glance, in a real browser: the case page draws each stage's AV coverage with the gap of a seizure filmed
 * only at its start, and the recording page puts the ART-06.0 bookmarks on the player's seek bar, where a click plays
 * from the bookmark.
 */
@LawTraceIntegrationTest
@ExtendWith({ BrowserSession.class, FfmpegAvailable.class })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseTimelineBrowserTests {

	private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");

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
		files = Files.createTempDirectory("lawtrace-timeline-");
	}

	@AfterAll
	void deleteFiles() {
		FileSystemUtils.deleteRecursively(files.toFile());
	}

	private record Stage(String kind, String startedAt, String endedAt, List<String> present) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	private record Stored(String id, String originalName) {
	}

	@Test
	@DisplayName("ART-06.3, ART-06.0: the case timeline shows the seizure's unfilmed stretch as a gap, and the recording "
			+ "page's seek bar carries the opening and closing bookmarks, a click on one playing from there")
	void timelineShowsTheGapAndTheSeekBarCarriesTheBookmarks() throws Exception {
		var caseId = Api.openCase(port, Api.newCaseNumber());
		var start = time.local(time.now().minus(Duration.ofHours(4))).withSecond(0).withNano(0);
		var seizure = Api.as(port, "zhang.wei").post().uri("/api/v1/cases/{id}/stages", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new Stage("SEIZURE", start.toString(), start.plusMinutes(30).toString(), List.of("zhang.wei", "li.na")))
			.exchange().expectStatus().isCreated()
			.returnResult(Stored.class).getResponseBody().id();
		var film = Uploads.upload(Api.as(port, "li.na"), UploadMetadata.by("li.na").startedAt(start.toInstant().toString())
			.endedAt(start.plusSeconds(6).toInstant().toString()).inCase(caseId, seizure), video(6), "DSJ_TIMELINE.MP4")
			.expectStatus().isCreated().returnResult(Stored.class).getResponseBody();
		mark(film.id(), "OPENING", 1);
		mark(film.id(), "CLOSING", 5);

		browser.signIn(Api.base(port), "zhang.wei");
		driver.get(Api.base(port) + "/cases/" + caseId);
		var gap = wait.until(visibilityOfElementLocated(
				By.cssSelector("#av-timeline .coverage-row[data-kind=SEIZURE] span.coverage-gap")));
		var track = driver.findElement(By.cssSelector("#av-timeline .coverage-row[data-kind=SEIZURE] .coverage-track"));
		// the gap fills the seizure from six seconds in to its end: nearly the whole track, and red
		assertThat((double) gap.getRect().getWidth()).isCloseTo(track.getRect().getWidth() * (1 - 6.0 / 1800),
				within(3.0));
		assertThat(gap.getCssValue("background-image")).contains("rgba(220, 53, 69");
		var row = driver.findElement(By.cssSelector("#av-timeline .coverage-row[data-kind=SEIZURE]"));
		assertThat(row.getText()).contains("扣押", "须全程录音录像 第六条第（三）项",
				start.plusSeconds(6).format(HMS) + "–" + start.plusMinutes(30).format(HMS) + " 未覆盖（29 分钟）");
		assertThat(driver.findElement(By.id("timeline-legend")).getText()).contains("录音录像", "须录音录像而未覆盖");
		assertThat(driver.findElements(By.cssSelector("#av-timeline .coverage-row[data-kind=SEIZURE] a.coverage-bar")))
			.hasSize(1);
		((JavascriptExecutor) driver).executeScript("document.getElementById('av-timeline').scrollIntoView()");
		screenshot("case-timeline");

		driver.get(Api.base(port) + "/recordings/" + film.id());
		var closing = wait.until(visibilityOfElementLocated(By.cssSelector("#seek-marks .seek-mark[data-kind=CLOSING]")));
		var opening = driver.findElement(By.cssSelector("#seek-marks .seek-mark[data-kind=OPENING]"));
		assertThat(opening.getText()).isEqualTo("开场告知 0:01");
		assertThat(closing.getText()).isEqualTo("结束询问 0:05");
		var bar = driver.findElement(By.cssSelector("#seek-marks .seek-track")).getRect();
		var player = driver.findElement(By.cssSelector("video.recording-media")).getRect();
		assertThat(bar.getWidth()).as("the seek bar is as wide as the player").isEqualTo(player.getWidth());
		// a mark stands at its time over the recording's length (its centre, translated back by half its width)
		var closingCentre = closing.getRect().getX() + closing.getRect().getWidth() / 2.0;
		assertThat(closingCentre - bar.getX()).isCloseTo(bar.getWidth() * 5.0 / 6, within(3.0));
		// the list in the panel stays
		assertThat(driver.findElements(By.cssSelector("#bookmark-list li.bookmark"))).hasSize(2);

		// the player has the video (so the marks seek in what plays, not just in a start position)
		wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
				"return document.querySelector('video.recording-media').readyState")).intValue() >= 1);
		closing.click();
		wait.until(d -> Math.abs(currentTime() - 5.0) < 0.5);
		screenshot("seek-marks");
		opening.click();
		wait.until(d -> Math.abs(currentTime() - 1.0) < 0.5);
	}

	private void screenshot(String name) throws IOException {
		var dir = Files.createDirectories(Path.of("target", "screenshots"));
		var png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(png, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	private double currentTime() {
		var t = ((JavascriptExecutor) driver).executeScript(
				"return document.querySelector('video.recording-media').currentTime");
		return t instanceof Number n ? n.doubleValue() : -1;
	}

	private void mark(String recordingId, String kind, long seconds) {
		Api.as(port, "li.na").post().uri("/api/v1/compliance/recordings/{id}/bookmarks", recordingId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("kind", kind, "offsetSeconds", seconds))
			.exchange().expectStatus().isCreated();
	}

	/** A real H.264 video of a test picture, made by ffmpeg, unique per call. */
	private byte[] video(int seconds) throws Exception {
		var file = files.resolve(UUID.randomUUID() + ".mp4");
		var process = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i",
				"testsrc=duration=" + seconds + ":size=320x240:rate=25", "-c:v", "libx264", "-pix_fmt", "yuv420p",
				"-movflags", "+faststart", "-metadata", "title=" + UUID.randomUUID(), file.toString())
			.redirectErrorStream(true).start();
		var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(out).isZero();
		return Files.readAllBytes(file);
	}
}
