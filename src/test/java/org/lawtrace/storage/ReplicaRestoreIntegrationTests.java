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

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lawtrace.RunsBesideOtherTests;
import org.lawtrace.Api;
import org.lawtrace.PackagedJar;
import org.lawtrace.Patience;
import org.lawtrace.RealDatabaseAvailable;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.RecordingApi.RecordingView;
import org.lawtrace.recordings.RecordingApi.UploadMetadata;
import org.lawtrace.recordings.Uploads;
import org.lawtrace.storage.StorageApi.ReplicationState;

/**
 * ART-15.3 (异地备份), issue 12 finding 6, with the packaged jar as operators run it: the replication queue survives a
 * restart, and {@code restore} rebuilds a lost primary (blobs and database) from the replica alone.
 */
@RunsBesideOtherTests
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
			assertThat(state.pending()).isGreaterThanOrEqualTo(3);
			assertThat(state.verified()).isZero();
			uploads.forEach(u -> assertThat(replicaFile(replica, u.sha256())).doesNotExist());
		}
		finally {
			server.stop();
		}

		server.settings(replicaSettings(replica, "--lawtrace.storage.replica.schedule=continuous")).start();
		try {
			await().atMost(Patience.of(Duration.ofMinutes(2)))
				.until(() -> state(server.port()).pending() == 0);
			for (var u : uploads) {
				assertThat(Files.readAllBytes(replicaFile(replica, u.sha256()))).isEqualTo(u.bytes());
			}
			assertThat(state(server.port()).failing()).isZero();
		}
		finally {
			server.stop();
		}
	}

	@Test
	@DisplayName("ART-15.3 restore rebuilds a lost primary from the replica: every blob and record back, digests and the audit log verified")
	void restoreRebuildsALostPrimary() throws Exception {
		var replica = Files.createTempDirectory("lawtrace-other-site-");
		var settings = replicaSettings(replica, "--lawtrace.storage.replica.metadata-export=*/2 * * * * *",
				"--lawtrace.storage.replica.metadata-export-lock=PT1S");
		var lost = PackagedJar.fresh("lawtrace_replica_lost").settings(settings);
		var uploads = new ArrayList<Uploaded>();
		var metadata = new ArrayList<RecordingView>();
		lost.start();
		try {
			for (var i = 0; i < 3; i++) {
				uploads.add(upload(lost.port(), i));
			}
			// SM3 completion and replication finished, then an export taken after the last copy was verified
			await().atMost(Patience.of(Duration.ofMinutes(2))).until(() -> {
				var state = state(lost.port());
				var export = state.lastGoodExport();
				return state.pending() == 0 && export != null
						&& uploads.stream().allMatch(u -> recording(lost.port(), u.id()).sm3() != null)
						&& Instant.parse(export.startedAt())
							.isAfter(Instant.parse(state.lastVerifiedAt()).plusSeconds(1));
			});
			for (var u : uploads) {
				metadata.add(recording(lost.port(), u.id()));
			}
			// an export begun after those reads (the last audit entries), then the primary is lost in a crash
			var lastEntry = Instant.now().plusSeconds(1);
			await().atMost(Patience.of(Duration.ofMinutes(1))).until(() -> {
				var export = state(lost.port()).lastGoodExport();
				return Instant.parse(export.startedAt()).isAfter(lastEntry);
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
				var before = metadata.get(i);
				assertThat(back.sha256()).as("sha256").isEqualTo(before.sha256());
				assertThat(back.sm3()).as("sm3").isEqualTo(before.sm3());
				assertThat(back.originalName()).as("originalName").isEqualTo(before.originalName());
				assertThat(back.uploadedAt()).as("uploadedAt").isEqualTo(before.uploadedAt());
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

	private static Uploaded upload(int port, int i) {
		var made = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
		var bytes = Media.mp4(made, Duration.ofMinutes(2), 512 * 1024 + i, System.nanoTime());
		var body = Uploads.upload(Api.as(port, "zhang.wei"), UploadMetadata.by("zhang.wei"), bytes, "r" + i + ".mp4")
			.expectStatus().isCreated().returnResult(RecordingView.class).getResponseBody();
		return new Uploaded(body.id(), body.sha256(), bytes);
	}

	private static RecordingView recording(int port, String id) {
		return Api.as(port, "zhao.min").get().uri("/api/v1/recordings/{id}", id).exchange().expectStatus().isOk()
			.returnResult(RecordingView.class).getResponseBody();
	}

	private static ReplicationState state(int port) {
		return Api.as(port, "zhao.min").get().uri("/api/v1/storage/replication").exchange().expectStatus().isOk()
			.returnResult(ReplicationState.class).getResponseBody();
	}

	private static Path replicaFile(Path replica, String sha256) {
		return replica.resolve("blobs/sha256").resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4))
			.resolve(sha256);
	}
}
