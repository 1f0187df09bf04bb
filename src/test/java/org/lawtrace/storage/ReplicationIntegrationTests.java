package org.lawtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.Patience;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.RecordingApi.RecordingView;
import org.lawtrace.recordings.RecordingApi.UploadMetadata;
import org.lawtrace.recordings.Uploads;
import org.lawtrace.shared.IntegrityAlarm;
import org.lawtrace.storage.StorageApi.ReplicationState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.TestPropertySource;

/**
 * ART-15.3 (异地备份), issue 12 finding 6: with a filesystem replica configured, every stored blob is copied to it
 * through the durable queue, read back and verified; the records go there too; the custodian sees where it stands.
 */
@LawTraceIntegrationTest
@TestPropertySource(properties = { "lawtrace.storage.replica.type=filesystem",
		"lawtrace.storage.replica.root=${lawtrace.data-dir}/other-site", "lawtrace.storage.replica.poll-every=PT1S",
		"lawtrace.storage.replica.retry-after=PT1H", "lawtrace.storage.replica.metadata-export=-", "lawtrace.storage.replica.settle=PT0S" })
@Import(ReplicationIntegrationTests.Alarms.class)
class ReplicationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	StorageProperties properties;

	@Autowired
	BlobStore store;

	@Autowired
	Replication replication;

	@Autowired
	MetadataExport exports;

	@Autowired
	Alarms alarms;

	@Autowired
	ReplicationQueue queue;

	@TestConfiguration(proxyBeanMethods = false)
	static class Alarms {

		final List<IntegrityAlarm> heard = new CopyOnWriteArrayList<>();

		@EventListener
		void on(IntegrityAlarm alarm) {
			heard.add(alarm);
		}
	}

	@Test
	@DisplayName("ART-15.3 a recording uploaded through the API appears on the replica byte-identical, its queue row verified")
	void anUploadIsReplicatedAndVerified() throws Exception {
		var made = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
		var bytes = Media.mp4(made, Duration.ofMinutes(3), 2 * 1024 * 1024, System.nanoTime());
		var uploaded = Uploads.upload(Api.as(port, "zhang.wei"), UploadMetadata.by("zhang.wei"), bytes, "site.mp4")
			.expectStatus().isCreated().returnResult(RecordingView.class).getResponseBody();
		var sha256 = uploaded.sha256();

		var copy = replicaFile(sha256);
		await().atMost(Patience.of(Duration.ofSeconds(60))).until(() -> verified(sha256));
		assertThat(Files.readAllBytes(copy)).isEqualTo(bytes);
		var state = state("zhao.min");
		assertThat(state.verified()).isPositive();
		assertThat(state.lastVerifiedAt()).isNotNull();
		assertThat(state.configured()).isTrue();
		assertThat(state.sm3ReadBack()).as("ADR 0032: SHA-256 and size read back; SM3 at the copy's first fixity check")
			.isFalse();
	}

	@Test
	@DisplayName("ART-15.3 a blob stored while nothing queued it (a crash between placing and queuing) is found by the catch-up and copied")
	void theCatchUpQueuesWhatWasNeverQueued() {
		var raw = ((ReplicatedBlobStore) store).primary();
		var stored = raw.store(new ByteArrayInputStream(("never queued " + System.nanoTime()).getBytes()), null).digest();
		assertThat(replication.catchUp()).isPositive();

		await().atMost(Patience.of(Duration.ofSeconds(60))).until(() -> verified(stored.sha256()));
	}

	@Test
	@DisplayName("ART-15.3 a replica copy that reads back differently is not verified, stays failing with its error, and raises an alarm")
	void aDamagedReplicaCopyIsCaught() throws Exception {
		var bytes = new byte[200_000];
		new Random().nextBytes(bytes);
		var digest = TwinDigest.of(bytes);
		// the other site already holds a damaged file under this blob's name (a bad disk there)
		var copy = replicaFile(digest.sha256());
		Files.createDirectories(copy.getParent());
		var damaged = bytes.clone();
		damaged[100] ^= 0x01;
		Files.write(copy, damaged);

		store.store(new ByteArrayInputStream(bytes), null);

		await().atMost(Patience.of(Duration.ofSeconds(60))).until(() -> alarms.heard.stream()
			.anyMatch(a -> a.subjectId().equals(digest.sha256()) && a.kind().equals("REPLICA_COPY_DIFFERS")));
		assertThat(verified(digest.sha256())).isFalse();
		assertThat(state("zhou.tao").failures()).anySatisfy(f -> {
			assertThat(f.sha256()).isEqualTo(digest.sha256());
			assertThat(f.lastError()).contains("failed its fixity check");
		});
	}

	@Test
	@DisplayName("ART-15.3 the records go off-site too: every table, audit entries included, exported into the replica and verified")
	void theRecordsAreExported() throws Exception {
		var export = exports.export();

		assertThat(export.succeeded()).as(export.error()).isTrue();
		var zip = properties.replica().root().resolve("named").resolve(export.name());
		assertThat(zip).exists();
		try (var file = new ZipFile(zip.toFile())) {
			var manifest = TableDump.manifest(file);
			assertThat(manifest.tables()).extracting(TableDump.Table::name)
				.contains("audit_entry", "recordings_recording", "cases_case", "staff_member", "storage_replication");
			assertThat(manifest.tables()).filteredOn(t -> t.name().equals("audit_entry")).singleElement()
				.satisfies(t -> assertThat(t.rows()).isPositive());
		}
		assertThat(TwinDigest.of(Files.readAllBytes(zip)).sm3()).isEqualTo(export.sm3());
		var described = MetadataExport.newest((NamedFiles) replicaStore()).orElseThrow();
		assertThat(described.sha256()).isEqualTo(export.sha256());
		assertThat(state("sun.li").lastGoodExport().name()).isEqualTo(export.name());
	}

	@Test
	@DisplayName("ART-13, ART-20 the custodian, the director, the discipline unit and the administrator see the replication state; an officer does not")
	void whoSeesIt() {
		Api.as(port, "zhang.wei").get().uri("/api/v1/storage/replication").exchange().expectStatus().isForbidden();
		Api.as(port, "admin").get().uri("/api/v1/storage/replication").exchange().expectStatus().isOk();
		var page = Api.as(port, "zhao.min").get().uri("/storage/replication").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("异地备份", "已复制并核验", "持续复制", "读回核对 SHA-256 摘要和大小",
				"SM3 摘要在其首次固定性校验时重新计算核对")
			.doesNotContain("ART-15", "FILESYSTEM", "CONTINUOUS");
		var home = Api.as(port, "zhao.min").get().uri("/").exchange().expectStatus().isOk().expectBody(String.class)
			.returnResult().getResponseBody();
		assertThat(home).contains("/storage/replication");
	}

	private BlobStore replicaStore() {
		return new FileSystemBlobStore(properties.replica().root(),
				new Spool(properties.replica().root().resolve("tmp"), java.time.Clock.systemUTC()));
	}

	private Path replicaFile(String sha256) {
		return properties.replica().root().resolve("blobs/sha256").resolve(sha256.substring(0, 2))
			.resolve(sha256.substring(2, 4)).resolve(sha256);
	}

	private boolean verified(String sha256) {
		return queue.verifiedAt(sha256).isPresent();
	}

	private ReplicationState state(String username) {
		return Api.as(port, username).get().uri("/api/v1/storage/replication").exchange().expectStatus().isOk()
			.returnResult(ReplicationState.class).getResponseBody();
	}
}
