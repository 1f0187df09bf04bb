package org.lawtrace.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.Patience;
import org.lawtrace.cases.CaseApi.NewStage;
import org.lawtrace.cases.CaseApi.StageView;
import org.lawtrace.recordings.RecordingApi.RecordingView;
import org.lawtrace.recordings.RecordingApi.Revision;
import org.lawtrace.recordings.RecordingApi.UploadMetadata;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

@LawTraceIntegrationTest
class RecordingApiIntegrationTests {

	@LocalServerPort
	int port;

	@Value("${lawtrace.data-dir}")
	Path dataDir;

	@Autowired
	JdbcClient jdbc;

	private static long seed = System.nanoTime();

	private String caseWithSeizure() {
		var caseId = Api.openCase(port, Api.newCaseNumber());
		var stage = Api.as(port, "zhang.wei").post().uri("/api/v1/cases/{id}/stages", caseId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(NewStage.of("SEIZURE", "2026-11-20T09:30:00+08:00", "zhang.wei", "li.na")
				.endingAt("2026-11-20T10:15:00+08:00"))
			.exchange().returnResult(StageView.class).getResponseBody().id();
		return caseId + "/" + stage;
	}

	private static byte[] video(Instant created, int payload) {
		return Media.mp4(created, Duration.ofMinutes(45), payload, seed++);
	}

	private long rows() {
		return jdbc.sql("select count(*) from recordings_recording").query(Long.class).single();
	}

	private long spooled() throws IOException {
		try (var files = Files.list(dataDir.resolve("store").resolve("tmp"))) {
			return files.count();
		}
	}

	@Test
	@DisplayName("ART-15.1, ART-15.2: a streamed MP4 is stored whole, its digests equal sha256sum and openssl -sm3, "
			+ "its times come from the file, and it carries the case's labels")
	void storesAStreamedVideoWholeWithLabels() throws Exception {
		var ids = caseWithSeizure().split("/");
		var created = Instant.now().minus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		var bytes = video(created, 3 * 1024 * 1024 + 17);
		var response = Uploads.upload(Api.as(port, "zhang.wei"),
				UploadMetadata.by("zhang.wei").device("DSJ-A8-000123").inCase(ids[0], ids[1]), bytes,
				"20261120_093000_0001.MP4")
			.expectStatus().isCreated()
			.expectHeader().valueMatches("Location", "/api/v1/recordings/[0-9a-f-]{36}")
			.returnResult(RecordingView.class).getResponseBody();

		var file = Files.createTempFile("recording-", ".mp4");
		Files.write(file, bytes);
		assertThat(response.sha256()).isEqualTo(command("sha256sum", file.toString()).split(" ")[0]);
		// SM3 is computed just after storing, from the stored bytes
		assertThat(sm3Of(response.id()))
			.isEqualTo(command("openssl", "dgst", "-sm3", "-r", file.toString()).split(" ")[0]);
		assertThat(response.sizeBytes()).isEqualTo(bytes.length);
		assertThat(response.mediaType()).isEqualTo("video/mp4");
		assertThat(response.kind()).isEqualTo("VIDEO");
		assertThat(Instant.parse(response.startedAt())).isEqualTo(created);
		assertThat(Instant.parse(response.endedAt())).isEqualTo(created.plus(Duration.ofMinutes(45)));
		assertThat(response.linked()).isTrue();
		var labels = response.labels();
		assertThat(labels.caseNumber()).startsWith("东市监处");
		assertThat(labels.parties()).isEqualTo(List.of("东阳市示例食品有限公司"));
		assertThat(labels.handlers()).isEqualTo(List.of("张伟", "李娜"));
		assertThat(response.timeliness().onTime()).isTrue();

		var id = response.id();
		var whole = Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}/content", id).exchange()
			.expectStatus().isOk()
			.expectHeader().contentType("video/mp4")
			.expectHeader().valueEquals("ETag", "\"" + response.sha256() + "\"")
			.expectBody(byte[].class).returnResult().getResponseBody();
		assertThat(whole).isEqualTo(bytes);

		Api.as(port, "li.na").get().uri("/api/v1/recordings/{id}/content", id).header("Range", "bytes=1000-1999")
			.exchange()
			.expectStatus().isEqualTo(206)
			.expectHeader().valueEquals("Content-Range", "bytes 1000-1999/" + bytes.length)
			.expectBody(byte[].class).isEqualTo(Arrays.copyOfRange(bytes, 1000, 2000));
		Api.as(port, "li.na").get().uri("/api/v1/recordings/{id}/content", id).header("Range", "bytes=-10").exchange()
			.expectStatus().isEqualTo(206)
			.expectBody(byte[].class).isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 10, bytes.length));
		Api.as(port, "li.na").get().uri("/api/v1/recordings/{id}/content", id)
			.header("Range", "bytes=" + bytes.length + "-").exchange()
			.expectStatus().isEqualTo(416);
	}

	@Test
	@DisplayName("ART-15: a SHA-256 announced in the metadata or a Repr-Digest header that does not match gives 422 "
			+ "and keeps nothing")
	void refusesAMismatchedDigestAndKeepsNothing() throws IOException {
		var bytes = video(Instant.now().minusSeconds(3600), 4096);
		var before = rows();
		Uploads.upload(Api.as(port, "zhang.wei"), UploadMetadata.by("zhang.wei").sha256("ab".repeat(32)), bytes, "a.mp4")
			.expectStatus().isEqualTo(422)
			.expectBody().jsonPath("$.field").isEqualTo("sha256");
		var wrong = Base64.getEncoder().encodeToString(new byte[32]);
		var body = new org.springframework.http.client.MultipartBodyBuilder();
		body.part("metadata", UploadMetadata.by("zhang.wei"), MediaType.APPLICATION_JSON);
		body.part("file", new org.springframework.core.io.ByteArrayResource(bytes)).filename("a.mp4");
		Api.as(port, "zhang.wei").post().uri("/api/v1/recordings").header("Repr-Digest", "sha-256=:" + wrong + ":")
			.contentType(MediaType.MULTIPART_FORM_DATA).body(body.build()).exchange()
			.expectStatus().isEqualTo(422);
		assertThat(rows()).isEqualTo(before);
		assertThat(spooled()).isZero();
	}

	@Test
	@DisplayName("ART-15: a correct announced digest is accepted, and the same bytes uploaded again are not stored twice")
	void acceptsTheRightDigestAndDeduplicates() {
		var bytes = video(Instant.now().minusSeconds(7200), 2048);
		var sha = org.lawtrace.storage.TwinDigestTestAccess.sha256(bytes);
		var first = Uploads.upload(Api.as(port, "zhang.wei"), UploadMetadata.by("zhang.wei").sha256(sha), bytes, "b.mp4")
			.expectStatus().isCreated().returnResult(RecordingView.class).getResponseBody();
		var again = Uploads.upload(Api.as(port, "zhang.wei"), UploadMetadata.by("zhang.wei"), bytes, "copy.mp4")
			.expectStatus().isOk()
			.returnResult(RecordingView.class).getResponseBody();
		assertThat(again.id()).isEqualTo(first.id());
		// ART-20: someone who may not see the stored recording learns only that the file is stored (issue 11)
		Uploads.upload(Api.as(port, "li.na"), UploadMetadata.by("li.na"), bytes, "copy.mp4")
			.expectStatus().isEqualTo(409);
		Api.as(port, "zhang.wei").get().uri(u -> u.path("/api/v1/recordings").queryParam("sha256", sha).build())
			.exchange().expectBody().jsonPath("$.total").isEqualTo(1);
		// ART-20: to the discipline unit, without a grant, the search finds nothing and says so in the total
		Api.as(port, "zhou.tao").get().uri(u -> u.path("/api/v1/recordings").queryParam("sha256", sha).build())
			.exchange().expectBody().jsonPath("$.total").isEqualTo(0);
	}

	@Test
	@DisplayName("ART-22(2): bad uploads get a clear 4xx naming the field and leave no blob, temp file or row")
	void refusesBadUploadsAndKeepsNothing() throws IOException {
		var officer = Api.as(port, "zhang.wei");
		var before = rows();
		var good = video(Instant.now().minusSeconds(600), 1024);
		var zhangWei = UploadMetadata.by("zhang.wei");
		refused(Uploads.upload(officer, zhangWei, new byte[0], "empty.mp4"), 400, "file");
		refused(Uploads.upload(officer, zhangWei, Media.executable(), "evidence.mp4"), 400, "file");
		refused(Uploads.upload(officer, zhangWei, good, "../../etc/passwd.mp4"), 400, "file");
		refused(Uploads.upload(officer, zhangWei, good, "..\\..\\boot.mp4"), 400, "file");
		refused(Uploads.upload(officer, UploadMetadata.by("nobody.here"), good, "x.mp4"), 400, "recordedBy");
		refused(Uploads.upload(officer, zhangWei.inCase("00000000-0000-0000-0000-000000000000"), good, "x.mp4"), 400,
				"caseId");
		var ids = caseWithSeizure().split("/");
		var otherCase = caseWithSeizure().split("/");
		refused(Uploads.upload(officer, zhangWei.inCase(ids[0], otherCase[1]), good, "x.mp4"), 400, "stageIds");
		// a map: a field the contract does not have, so large the metadata part is refused as a whole
		refused(Uploads.upload(officer, Map.of("recordedBy", "zhang.wei", "notes", "x".repeat(70 * 1024)), good, "x.mp4"),
				400, "metadata");
		refused(Uploads.upload(officer, zhangWei.startedAt("soon"), good, "x.mp4"), 400, "startedAt");
		// a WAV carries its length but not when it was made: without startedAt it cannot be placed in time
		refused(Uploads.upload(officer, zhangWei, Media.wav(1), "voice.wav"), 400, "startedAt");
		assertThat(rows()).isEqualTo(before);
		assertThat(spooled()).isZero();
	}

	@Test
	@DisplayName("ART-15, ART-22(2): an upload that breaks off mid-file leaves no blob, temp file or row")
	void anUploadThatBreaksOffLeavesNothing() throws Exception {
		var before = rows();
		var bytes = video(Instant.now().minusSeconds(600), 2 * 1024 * 1024);
		var boundary = "----lawtrace" + System.nanoTime();
		var head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
				+ "Content-Type: application/json\r\n\r\n{\"recordedBy\":\"zhang.wei\"}\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cut.mp4\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		var tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		var auth = Base64.getEncoder().encodeToString("zhang.wei:demo".getBytes(StandardCharsets.UTF_8));
		try (var socket = new Socket("127.0.0.1", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/v1/recordings HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + auth
					+ "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: "
					+ (head.length + bytes.length + tail.length) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(head);
			out.write(bytes, 0, bytes.length / 2);
			out.flush();
		}
		await().atMost(Patience.of(Duration.ofSeconds(20))).pollInterval(Duration.ofMillis(100))
			.until(() -> spooled() == 0);
		assertThat(spooled()).isZero();
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	@DisplayName("ART-22(2): originals cannot be deleted or replaced through the API (405), and the attempt is refused")
	void originalsCannotBeDeletedOrReplaced() {
		var bytes = Media.jpeg(LocalDateTime.now().minusHours(1).withNano(0), 29.29, 120.24, seed++);
		var id = Uploads.upload(Api.as(port, "wang.qiang"), UploadMetadata.by("wang.qiang"), bytes, "IMG_0001.JPG")
			.expectStatus().isCreated().returnResult(RecordingView.class).getResponseBody().id();
		Api.as(port, "wang.qiang").delete().uri("/api/v1/recordings/{id}", id).exchange()
			.expectStatus().isEqualTo(405).expectHeader().valueEquals("Allow", "GET, HEAD");
		Api.as(port, "zhao.min").put().uri("/api/v1/recordings/{id}/content", id)
			.contentType(MediaType.APPLICATION_OCTET_STREAM).body(new byte[] { 1 }).exchange()
			.expectStatus().isEqualTo(405);
		Api.as(port, "wang.qiang").get().uri("/api/v1/recordings/{id}/content", id).exchange()
			.expectStatus().isOk().expectBody(byte[].class).isEqualTo(bytes);
	}

	@Test
	@DisplayName("ART-06, ART-15.2: an unlinked photo is a daily enforcement record until linked; the link is a new "
			+ "revision with who and why, and the first one is kept")
	void linkingMakesANewRevisionAndKeepsTheOld() {
		var bytes = Media.jpeg(LocalDateTime.now().minusHours(2).withNano(0), 29.29, 120.24, seed++);
		var photo = Uploads.upload(Api.as(port, "zhang.wei"), UploadMetadata.by("zhang.wei"), bytes, "IMG_0002.JPG")
			.expectStatus().isCreated()
			.returnResult(RecordingView.class).getResponseBody();
		assertThat(photo.linked()).isFalse();
		assertThat(photo.kind()).isEqualTo("PHOTO");
		assertThat(photo.latitude()).isBetween(29.28, 29.30);
		var recordingId = photo.id();
		// ART-20: its maker finds it among the unlinked ones, to link it; the discipline unit, without a grant, does not
		Api.as(port, "zhang.wei").get().uri(u -> u.path("/api/v1/recordings").queryParam("unlinked", "true")
				.queryParam("size", "200").build()).exchange()
			.expectBody().jsonPath("$.items[*].id").value(List.class, list -> assertThat(list).contains(recordingId));
		Api.as(port, "zhou.tao").get().uri(u -> u.path("/api/v1/recordings").queryParam("unlinked", "true")
				.queryParam("size", "200").build()).exchange()
			.expectBody().jsonPath("$.items[*].id").value(List.class, list -> assertThat(list).doesNotContain(recordingId));

		var ids = caseWithSeizure().split("/");
		Api.as(port, "zhang.wei").post().uri("/api/v1/recordings/{id}/revisions", recordingId)
			.contentType(MediaType.APPLICATION_JSON).body(Revision.because(null).linking(ids[0], ids[1]))
			.exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("reason");
		var linked = Api.as(port, "zhang.wei").post().uri("/api/v1/recordings/{id}/revisions", recordingId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Revision.because("扣押现场照片，关联至本案").linking(ids[0], ids[1]))
			.exchange()
			.expectStatus().isCreated()
			.returnResult(RecordingView.class).getResponseBody();
		assertThat(linked.linked()).isTrue();
		assertThat(linked.version()).isEqualTo(2);
		assertThat(linked.labels().handlers().get(0)).isEqualTo("张伟");
		// ART-13, ART-20: the custodian sees the history; the director, without a grant, does not
		Api.as(port, "sun.li").get().uri("/api/v1/recordings/{id}/revisions", recordingId).exchange()
			.expectStatus().isNotFound();
		Api.as(port, "zhao.min").get().uri("/api/v1/recordings/{id}/revisions", recordingId).exchange()
			.expectBody()
			.jsonPath("$.length()").isEqualTo(2)
			.jsonPath("$[0].caseId").doesNotExist()
			.jsonPath("$[1].reason").isEqualTo("扣押现场照片，关联至本案")
			.jsonPath("$[1].changedBy.username").isEqualTo("zhang.wei");
		Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}/content", recordingId).exchange()
			.expectBody(byte[].class).isEqualTo(bytes);
	}

	@Test
	@DisplayName("ART-15.1: a recording stored three days after it ended is late by one day")
	void aLateUploadIsReportedAsLate() {
		var ended = Instant.now().minus(Duration.ofDays(3)).minus(Duration.ofHours(1));
		var bytes = Media.wav(2);
		var late = Uploads.upload(Api.as(port, "zhang.wei"), UploadMetadata.by("zhang.wei")
			.startedAt(ended.minusSeconds(2).toString()).endedAt(ended.toString()), bytes, "voice-" + seed++ + ".wav")
			.expectStatus().isCreated()
			.returnResult(RecordingView.class).getResponseBody();
		assertThat(late.kind()).isEqualTo("AUDIO");
		assertThat(late.timeliness().onTime()).isFalse();
		assertThat(late.timeliness().daysLate()).isBetween(1L, 2L);
	}

	@Test
	@DisplayName("ART-20: a recording not linked to a case is open only to whoever made or uploaded it; the "
			+ "administrator sees neither its content nor its metadata")
	void contentIsOpenOnlyToThoseConcerned() {
		var bytes = video(Instant.now().minusSeconds(900), 1024);
		var id = Uploads.upload(Api.as(port, "zhang.wei"), UploadMetadata.by("zhang.wei"), bytes, "c.mp4")
			.expectStatus().isCreated().returnResult(RecordingView.class).getResponseBody().id();
		// ART-20: to someone it is not open to, the recording does not exist
		Api.as(port, "chen.hao").get().uri("/api/v1/recordings/{id}/content", id).exchange().expectStatus().isNotFound();
		Api.as(port, "chen.hao").get().uri("/api/v1/recordings/{id}", id).exchange().expectStatus().isNotFound();
		Api.as(port, "admin").get().uri("/api/v1/recordings/{id}/content", id).exchange().expectStatus().isForbidden();
		Api.as(port, "admin").get().uri("/api/v1/recordings/{id}", id).exchange().expectStatus().isForbidden();
		Api.anonymous(port).get().uri("/api/v1/recordings/{id}/content", id).exchange().expectStatus().isUnauthorized();
	}

	private String sm3Of(String id) {
		return await().atMost(Patience.of(Duration.ofSeconds(30))).pollInterval(Duration.ofMillis(50))
			.until(() -> Api.as(port, "zhang.wei").get().uri("/api/v1/recordings/{id}", id).exchange()
				.returnResult(RecordingView.class).getResponseBody().sm3(), java.util.Objects::nonNull);
	}

	private static void refused(org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec response,
			int status, String field) {
		var problem = response.expectStatus().isEqualTo(status)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.returnResult(Api.Problem.class).getResponseBody();
		assertThat(problem.status()).isEqualTo(status);
		assertThat(problem.field()).isEqualTo(field);
	}

	private static String command(String... command) throws Exception {
		var process = new ProcessBuilder(command).redirectErrorStream(true).start();
		var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(process.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
		return out;
	}
}
