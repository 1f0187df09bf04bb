package org.lawtrace.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lawtrace.Api;
import org.lawtrace.FfmpegAvailable;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.recordings.RecordingApi.DerivativeView;
import org.lawtrace.recordings.RecordingApi.RecordingView;
import org.lawtrace.recordings.RecordingApi.UploadMetadata;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * ART-22(2), "the original is untouched and stays the evidence": with ffmpeg installed, a video gets a poster frame
 * and, in a format browsers cannot play, an H.264 copy; both are new blobs, and the original's bytes, digest and
 * read-only file stay exactly as uploaded. The test videos are made by ffmpeg itself, so they are real.
 */
@LawTraceIntegrationTest
@ExtendWith(FfmpegAvailable.class)
class RecordingDerivativesIntegrationTests {

	private static final Duration WAIT_FOR_DERIVATIVES = Duration.ofMinutes(2);
	private static final ParameterizedTypeReference<List<DerivativeView>> LIST = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	int port;

	@Value("${lawtrace.data-dir}")
	Path dataDir;

	@TempDir
	Path work;

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "avi, mpeg4, video/x-msvideo", "mov, mpeg4, video/quicktime" })
	@DisplayName("ART-22(2): a video browsers cannot play gets a JPEG poster and an H.264 MP4 copy; the original is "
			+ "untouched and stays the evidence")
	void aVideoBrowsersCannotPlayGetsAPosterAndAPlayableCopy(String container, String codec, String mediaType)
			throws Exception {
		var original = video(container, codec);
		var recording = upload(original, "VID_0001." + container.toUpperCase(java.util.Locale.ROOT));
		assertThat(recording.mediaType()).isEqualTo(mediaType);
		var id = recording.id();

		var derivatives = awaitDerivatives(id, 2);

		assertThat(derivatives).extracting(DerivativeView::kind).containsExactly("PLAYABLE", "POSTER");
		assertThat(derivatives).allSatisfy(d -> {
			assertThat(d.status()).isEqualTo("MADE");
			assertThat(d.sha256()).isNotEqualTo(recording.sha256());
			assertThat(d.sm3()).matches("[0-9a-f]{64}");
			assertThat(d.tool()).startsWith("ffmpeg version");
			assertThat(d.reason()).isNull();
		});

		var poster = Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}/poster", id).exchange()
			.expectStatus().isOk()
			.expectHeader().contentType(MediaType.IMAGE_JPEG)
			.expectHeader().valueEquals("ETag", "\"" + derivatives.get(1).sha256() + "\"")
			.expectBody(byte[].class).returnResult().getResponseBody();
		var image = ImageIO.read(new ByteArrayInputStream(poster));
		assertThat(image).isNotNull();
		assertThat(image.getWidth()).isEqualTo(320);
		assertThat(image.getHeight()).isEqualTo(240);

		var playable = Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}/playable", id).exchange()
			.expectStatus().isOk()
			.expectHeader().contentType("video/mp4")
			.expectHeader().valueEquals("Accept-Ranges", "bytes")
			.expectBody(byte[].class).returnResult().getResponseBody();
		assertThat(new String(playable, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
		assertThat(sha256(playable)).isEqualTo(derivatives.get(0).sha256());
		assertThat(probe(playable)).containsExactly("video:h264:320x240", "audio:aac");
		Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}/playable", id).header("Range", "bytes=100-199")
			.exchange()
			.expectStatus().isEqualTo(206)
			.expectHeader().valueEquals("Content-Range", "bytes 100-199/" + playable.length)
			.expectBody(byte[].class).isEqualTo(Arrays.copyOfRange(playable, 100, 200));

		assertTheOriginalIsUntouched(id, original);
	}

	@Test
	@DisplayName("ART-22(2): an H.264 MP4, which browsers play, gets a poster but no playable copy")
	void anMp4GetsAPosterButNoPlayableCopy() throws Exception {
		var original = video("mp4", "libx264");
		var recording = upload(original, "VID_0002.MP4");
		var id = recording.id();

		var derivatives = awaitDerivatives(id, 1);

		assertThat(derivatives).extracting(DerivativeView::kind).containsExactly("POSTER");
		assertThat(derivatives.get(0).status()).isEqualTo("MADE");
		assertThat(derivatives.get(0).href()).isEqualTo("/api/v1/recordings/" + id + "/poster");
		var poster = Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}/poster", id).exchange()
			.expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
		assertThat(ImageIO.read(new ByteArrayInputStream(poster)).getWidth()).isEqualTo(320);
		Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}/playable", id).exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertTheOriginalIsUntouched(id, original);
	}

	@Test
	@DisplayName("A video shorter than a second has no frame at one second; its poster is its first frame")
	void aVideoShorterThanASecondGetsItsFirstFrameAsPoster() throws Exception {
		var id = upload(video("mp4", "libx264", "0.4"), "VID_0005.MP4").id();

		var derivatives = awaitDerivatives(id, 1);

		assertThat(derivatives).singleElement().satisfies(d -> assertThat(d.status()).isEqualTo("MADE"));
		var poster = Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}/poster", id).exchange()
			.expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
		assertThat(ImageIO.read(new ByteArrayInputStream(poster)).getHeight()).isEqualTo(240);
	}

	@Test
	@DisplayName("A video that opens on black (a camera just switched on) gets a poster that is not black, served on the "
			+ "pages to whom its content is open, and the list and case pages show it as the thumbnail")
	void aVideoStartingBlackGetsAPosterThatIsNotBlackAndListsShowIt() throws Exception {
		var file = work.resolve(UUID.randomUUID() + ".mp4");
		run("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i", "color=c=black:size=320x240:rate=25:duration=2",
				"-f", "lavfi", "-i", "testsrc=duration=3:size=320x240:rate=25", "-filter_complex",
				"[0:v][1:v]concat=n=2:v=1[v]", "-map", "[v]", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-metadata",
				"title=" + UUID.randomUUID(), file.toString());
		var number = Api.newCaseNumber();
		var caseId = Api.openCase(port, number);
		var ended = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
		var id = Uploads.upload(Api.as(port, "zhang.wei"), UploadMetadata.by("zhang.wei")
			.startedAt(ended.minusSeconds(5).toString()).endedAt(ended.toString()).inCase(caseId),
				Files.readAllBytes(file), "VID_0006.MP4")
			.expectStatus().isCreated()
			.returnResult(RecordingView.class).getResponseBody().id();
		awaitDerivatives(id, 1);

		// the pages' poster route (session or, here, Basic on the pages' chain), as the API's
		var poster = Api.as(port, "zhang.wei").get().uri("/recordings/{id}/poster", id).exchange()
			.expectStatus().isOk()
			.expectHeader().contentType(MediaType.IMAGE_JPEG)
			.expectBody(byte[].class).returnResult().getResponseBody();
		var image = ImageIO.read(new ByteArrayInputStream(poster));
		assertThat(brightness(image)).as("mean brightness of the poster (0 black, 255 white)").isGreaterThan(60);
		Api.as(port, "chen.hao").get().uri("/recordings/{id}/poster", id).exchange().expectStatus().isNotFound();
		Api.as(port, "admin").get().uri("/recordings/{id}/poster", id).exchange().expectStatus().isForbidden();

		var list = org.lawtrace.Page.of(Api.as(port, "zhang.wei").get()
			.uri(u -> u.path("/recordings").queryParam("caseNumber", number).build())
			.accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody());
		assertThat(list.one("tr.recording-row[data-recording=" + id + "] img.recording-thumb").attr("src"))
			.isEqualTo("/recordings/" + id + "/poster");
		var page = org.lawtrace.Page.of(Api.as(port, "zhang.wei").get().uri("/recordings/{id}", id)
			.accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody());
		assertThat(page.one("video.recording-media").attr("poster")).isEqualTo("/recordings/" + id + "/poster");
		var section = org.lawtrace.Page.fragment(Api.as(port, "zhang.wei").get()
			.uri("/recordings/fragments/case/{caseId}", caseId).header("HX-Request", "true")
			.accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody());
		assertThat(section.one(".recording-card[data-recording=" + id + "] video").attr("poster"))
			.isEqualTo("/recordings/" + id + "/poster");
	}

	/** The mean of the pixels' luma. */
	private static double brightness(java.awt.image.BufferedImage image) {
		long sum = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int rgb = image.getRGB(x, y);
				sum += (299 * ((rgb >> 16) & 0xff) + 587 * ((rgb >> 8) & 0xff) + 114 * (rgb & 0xff)) / 1000;
			}
		}
		return (double) sum / (image.getWidth() * image.getHeight());
	}

	@Test
	@DisplayName("ART-22(2): a video ffmpeg cannot decode keeps its recording as it was; the failure is recorded "
			+ "with its reason")
	void aVideoFfmpegCannotDecodeIsRecordedAsFailedAndTheRecordingStands() throws Exception {
		// an MP4 with a movie header but no tracks: a valid record, but nothing to draw a frame from
		var original = Media.mp4(Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS),
				Duration.ofSeconds(30), 4096, System.nanoTime());
		var id = upload(original, "VID_0003.MP4").id();

		var derivatives = awaitDerivatives(id, 1);

		assertThat(derivatives).singleElement().satisfies(d -> {
			assertThat(d.kind()).isEqualTo("POSTER");
			assertThat(d.status()).isEqualTo("FAILED");
			assertThat(d.sha256()).isNull();
			assertThat(d.href()).isNull();
			assertThat(d.reason()).isNotBlank();
		});
		Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}/poster", id).exchange()
			.expectStatus().isNotFound();
		assertTheOriginalIsUntouched(id, original);
	}

	@Test
	@DisplayName("A poster and a playable copy show what the video shows, so they are open only to whom its content is")
	void copiesAreOpenOnlyToThoseTheContentIsOpenTo() throws Exception {
		var id = upload(video("avi", "mpeg4"), "VID_0004.AVI").id();
		awaitDerivatives(id, 2);

		for (var copy : List.of("poster", "playable")) {
			// ART-20: to someone who may not see the recording at all, its copies do not exist either
			Api.as(port, "chen.hao").get().uri("/api/v1/recordings/{id}/" + copy, id).exchange()
				.expectStatus().isNotFound();
			Api.as(port, "admin").get().uri("/api/v1/recordings/{id}/" + copy, id).exchange()
				.expectStatus().isForbidden();
			Api.anonymous(port).get().uri("/api/v1/recordings/{id}/" + copy, id).exchange()
				.expectStatus().isUnauthorized();
		}
		Api.as(port, "admin").get().uri("/api/v1/recordings/{id}/derivatives", id).exchange()
			.expectStatus().isForbidden();
		Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}/derivatives", UUID.randomUUID()).exchange()
			.expectStatus().isNotFound();
	}

	/** A 3-second 320x240 test picture with a tone, unique per call so no two uploads are the same bytes. */
	private byte[] video(String container, String codec) throws Exception {
		return video(container, codec, "3");
	}

	private byte[] video(String container, String codec, String seconds) throws Exception {
		var file = work.resolve(UUID.randomUUID() + "." + container);
		run("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i",
				"testsrc=duration=" + seconds + ":size=320x240:rate=25", "-f", "lavfi", "-i", "sine=duration=" + seconds,
				"-c:v", codec, "-metadata", "title=" + UUID.randomUUID(), file.toString());
		return Files.readAllBytes(file);
	}

	private RecordingView upload(byte[] file, String name) {
		var ended = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
		var recording = Uploads.upload(Api.as(port, "zhang.wei"), UploadMetadata.by("zhang.wei")
			.startedAt(ended.minusSeconds(3).toString()).endedAt(ended.toString()), file, name)
			.expectStatus().isCreated()
			.returnResult(RecordingView.class).getResponseBody();
		assertThat(recording.kind()).isEqualTo("VIDEO");
		return recording;
	}

	/**
	 * Derivatives are made after the upload's commit, on another thread: polls until they are all there, giving up
	 * after a bound that scales with the machine.
	 */
	private List<DerivativeView> awaitDerivatives(String id, int count) throws InterruptedException {
		java.util.concurrent.Callable<List<DerivativeView>> fetch = () -> Api.as(port, "zhang.wei").get()
			.uri("/api/v1/recordings/{id}/derivatives", id).exchange()
			.expectStatus().isOk()
			.expectBody(LIST).returnResult().getResponseBody();
		var wait = org.lawtrace.Patience.of(WAIT_FOR_DERIVATIVES);
		List<DerivativeView> derivatives;
		try {
			derivatives = org.awaitility.Awaitility.await().atMost(wait).pollInterval(Duration.ofMillis(100))
				.until(fetch, found -> found.size() >= count);
		}
		catch (org.awaitility.core.ConditionTimeoutException notYet) {
			try {
				derivatives = fetch.call();
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}
		assertThat(derivatives).as("derivatives of recording %s after %s", id, wait).hasSize(count);
		return derivatives;
	}

	/** The original is served byte for byte, under the digest it was stored with, from its read-only file. */
	private void assertTheOriginalIsUntouched(String id, byte[] original) throws Exception {
		var sha256 = sha256(original);
		Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}", id).exchange()
			.expectBody().jsonPath("$.sha256").isEqualTo(sha256).jsonPath("$.sizeBytes").isEqualTo(original.length);
		Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}/content", id).exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("ETag", "\"" + sha256 + "\"")
			.expectBody(byte[].class).isEqualTo(original);
		var file = dataDir.resolve("store/blobs/sha256").resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4))
			.resolve(sha256);
		assertThat(Files.readAllBytes(file)).isEqualTo(original);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("r--r-----");
	}

	/** Each stream as kind:codec, with the picture size for video, as ffprobe reads them. */
	private List<String> probe(byte[] media) throws Exception {
		var file = Files.write(work.resolve(UUID.randomUUID() + ".mp4"), media);
		var streams = new ArrayList<String>();
		for (var line : run("ffprobe", "-v", "error", "-show_entries", "stream=codec_type,codec_name,width,height",
				"-of", "csv=p=0", file.toString()).lines().toList()) {
			var fields = line.split(",");
			streams.add(fields[1] + ":" + fields[0] + (fields.length > 3 ? ":" + fields[2] + "x" + fields[3] : ""));
		}
		return streams;
	}

	private static String run(String... command) throws Exception {
		var process = new ProcessBuilder(command).redirectErrorStream(true).start();
		var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
		return out;
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}
}
