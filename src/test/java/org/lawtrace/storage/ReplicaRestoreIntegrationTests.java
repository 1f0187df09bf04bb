package org.lawtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lawtrace.Api;
import org.lawtrace.PackagedJar;
import org.lawtrace.Patience;
import org.lawtrace.RealDatabaseAvailable;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.Uploads;

/**
 * ART-15.3 (异地备份), issue 12 finding 6, with the packaged jar as operators run it: the replication queue survives a
 * restart, and {@code restore} rebuilds a lost primary (blobs and database) from the replica alone.
 */
@ExtendWith(RealDatabaseAvailable.class)
class ReplicaRestoreIntegrationTests {

	@Test
	@DisplayName("ART-15.3 blobs queued when the server stops are copied and verified after it starts again")
	void theQueueSurvivesARestart() throws Exception {
		var replica = Files.createTempDirectory("lawtrace-other-site-");
		// a nightly window that is hours away: nothing is copied before the stop
		var now = LocalTime.now(ZoneId.of("Asia/Shanghai"));
		var hhmm = DateTimeFormatter.ofPattern("HH:mm");
		var closed = now.plusHours(3).format(hhmm) + "-" + now.plusHours(4).format(hhmm);
		var server = PackagedJar.fresh("lawtrace_replica_restart").settings(replicaSettings(replica,
				"--lawtrace.storage.replica.schedule=window", "--lawtrace.storage.replica.window=" + closed));
		var uploads = new ArrayList<Uploaded>();
		server.start();
		try {
			for (var i = 0; i < 3; i++) {
				uploads.add(upload(server.port(), i));
			}
			var state = state(server.port());
			assertThat(((Number) state.get("pending")).longValue()).isGreaterThanOrEqualTo(3);
			assertThat(((Number) state.get("verified")).longValue()).isZero();
			uploads.forEach(u -> assertThat(replicaFile(replica, u.sha256())).doesNotExist());
		}
		finally {
			server.stop();
		}

		server.settings(replicaSettings(replica, "--lawtrace.storage.replica.schedule=continuous")).start();
		try {
			await().atMost(Patience.of(Duration.ofMinutes(2)))
				.until(() -> ((Number) state(server.port()).get("pending")).longValue() == 0);
			for (var u : uploads) {
				assertThat(Files.readAllBytes(replicaFile(replica, u.sha256()))).isEqualTo(u.bytes());
			}
			assertThat(((Number) state(server.port()).get("failing")).longValue()).isZero();
		}
		finally {
			server.stop();
		}
	}

	@Test
	@DisplayName("ART-15.3 restore rebuilds a lost primary from the replica: every blob and record back, digests and the audit log verified")
	@SuppressWarnings("unchecked")
	void restoreRebuildsALostPrimary() throws Exception {
		var replica = Files.createTempDirectory("lawtrace-other-site-");
		var settings = replicaSettings(replica, "--lawtrace.storage.replica.metadata-export=*/2 * * * * *");
		var lost = PackagedJar.fresh("lawtrace_replica_lost").settings(settings);
		var uploads = new ArrayList<Uploaded>();
		var metadata = new ArrayList<Map<String, Object>>();
		lost.start();
		try {
			for (var i = 0; i < 3; i++) {
				uploads.add(upload(lost.port(), i));
			}
			// SM3 completion and replication finished, then an export taken after the last copy was verified
			await().atMost(Patience.of(Duration.ofMinutes(2))).until(() -> {
				var state = state(lost.port());
				var export = (Map<String, Object>) state.get("lastGoodExport");
				return ((Number) state.get("pending")).longValue() == 0 && export != null
						&& uploads.stream().allMatch(u -> recording(lost.port(), u.id()).get("sm3") != null)
						&& Instant.parse(String.valueOf(export.get("startedAt")))
							.isAfter(Instant.parse(String.valueOf(state.get("lastVerifiedAt"))).plusSeconds(1));
			});
			for (var u : uploads) {
				metadata.add(recording(lost.port(), u.id()));
			}
			// an export begun after those reads (the last audit entries), then the primary is lost in a crash
			var lastEntry = Instant.now().plusSeconds(1);
			await().atMost(Patience.of(Duration.ofMinutes(1))).until(() -> {
				var export = (Map<String, Object>) state(lost.port()).get("lastGoodExport");
				return Instant.parse(String.valueOf(export.get("startedAt"))).isAfter(lastEntry);
			});
		}
		finally {
			lost.kill();
		}

		var rebuilt = PackagedJar.fresh("lawtrace_replica_rebuilt").settings(settings);
		var restore = rebuilt.command("restore");
		assertThat(restore.exitCode()).as(restore.output()).isZero();
		assertThat(restore.output()).contains("restore: OK").contains("blobs: ").containsPattern("anchors: [1-9]");

		var again = rebuilt.command("restore");
		assertThat(again.exitCode()).as("a second restore must not load into a database that holds records")
			.isEqualTo(2);
		assertThat(again.output()).contains("not empty");

		var verifyLog = rebuilt.command("verify-log");
		assertThat(verifyLog.exitCode()).as(verifyLog.output()).isZero();

		// the audit log's private key is a secret kept outside the database and the replica: restored from its own backup
		var key = Path.of("keys", "audit-signing-key.pem");
		Files.createDirectories(rebuilt.dataDir().resolve("keys"));
		Files.copy(lost.dataDir().resolve(key), rebuilt.dataDir().resolve(key));
		rebuilt.start();
		try {
			for (var i = 0; i < uploads.size(); i++) {
				var u = uploads.get(i);
				var back = recording(rebuilt.port(), u.id());
				for (var field : List.of("sha256", "sm3", "originalName", "uploadedAt")) {
					assertThat(back.get(field)).as(field).isEqualTo(metadata.get(i).get(field));
				}
				var content = Api.as(rebuilt.port(), "zhang.wei").get().uri("/api/v1/recordings/{id}/content", u.id())
					.exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
				assertThat(content).isEqualTo(u.bytes());
			}
		}
		finally {
			rebuilt.stop();
		}
	}

	private static String[] replicaSettings(Path replica, String... more) {
		var all = new ArrayList<>(List.of("--lawtrace.storage.replica.type=filesystem",
				"--lawtrace.storage.replica.root=" + replica, "--lawtrace.storage.replica.poll-every=PT1S",
				"--lawtrace.storage.replica.settle=PT0S"));
		all.addAll(List.of(more));
		if (all.stream().noneMatch(a -> a.startsWith("--lawtrace.storage.replica.metadata-export="))) {
			all.add("--lawtrace.storage.replica.metadata-export=-");
		}
		return all.toArray(String[]::new);
	}

	private record Uploaded(String id, String sha256, byte[] bytes) {
	}

	@SuppressWarnings("unchecked")
	private static Uploaded upload(int port, int i) {
		var made = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
		var bytes = Media.mp4(made, Duration.ofMinutes(2), 512 * 1024 + i, System.nanoTime());
		var body = Uploads.upload(Api.as(port, "zhang.wei"), Map.of("recordedBy", "zhang.wei"), bytes, "r" + i + ".mp4")
			.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
		return new Uploaded(String.valueOf(body.get("id")), String.valueOf(body.get("sha256")), bytes);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> recording(int port, String id) {
		return Api.as(port, "zhao.min").get().uri("/api/v1/recordings/{id}", id).exchange().expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> state(int port) {
		return Api.as(port, "zhao.min").get().uri("/api/v1/storage/replication").exchange().expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
	}

	private static Path replicaFile(Path replica, String sha256) {
		return replica.resolve("blobs/sha256").resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4))
			.resolve(sha256);
	}
}
