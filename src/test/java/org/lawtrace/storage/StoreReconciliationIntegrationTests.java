package org.lawtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.RecordingApi.RecordingView;
import org.lawtrace.recordings.RecordingApi.UploadMetadata;
import org.lawtrace.recordings.Uploads;
import org.lawtrace.storage.StorageApi.MissingBlob;
import org.lawtrace.storage.StorageApi.ReconciliationReport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * ART-15, ART-22(2): the store is reconciled with the records that name its blobs; the custodian sees blobs no record
 * names and records whose blob is gone, and nothing is deleted.
 */
@LawTraceIntegrationTest
class StoreReconciliationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	BlobStore store;

	@Autowired
	StorageProperties properties;

	@Test
	@DisplayName("ART-15 a blob no record names is reported to the custodian and kept; a recorded blob is not reported")
	void reportsABlobNoRecordNames() {
		var stray = store.store(new ByteArrayInputStream(("stray " + System.nanoTime()).getBytes()), null).digest();
		var recorded = upload();

		var report = report("zhao.min");

		assertThat(report.unreferenced())
			.contains(stray.sha256())
			.doesNotContain(recorded.sha256());
		assertThat(store.contains(stray)).isTrue();
	}

	@Test
	@DisplayName("ART-15 a recording whose blob is gone from the store is reported, named as a recording's")
	void reportsARecordWhoseBlobIsMissing() throws Exception {
		var recorded = upload();
		var sha256 = recorded.sha256();
		// SM3 is computed from the stored bytes after the commit; let it finish before the blob goes
		await().atMost(Duration.ofSeconds(30)).until(() -> Api.as(port, "zhang.wei").get()
			.uri("/api/v1/recordings/{id}", recorded.id()).exchange().returnResult(RecordingView.class)
			.getResponseBody().sm3() != null);
		var file = properties.requireRoot().resolve("blobs/sha256").resolve(sha256.substring(0, 2))
			.resolve(sha256.substring(2, 4)).resolve(sha256);
		Files.delete(file);

		var report = report("zhou.tao");

		assertThat(report.missing()).contains(new MissingBlob(sha256, List.of("recording")));
	}

	@Test
	@DisplayName("ART-20 only the custodian, the director and the discipline unit read the reconciliation")
	void othersMayNotReadIt() {
		Api.as(port, "zhang.wei").get().uri("/api/v1/storage/reconciliation").exchange().expectStatus().isForbidden();
		Api.as(port, "admin").get().uri("/api/v1/storage/reconciliation").exchange().expectStatus().isForbidden();
		Api.as(port, "sun.li").get().uri("/api/v1/storage/reconciliation").exchange().expectStatus().isOk();
	}

	private ReconciliationReport report(String username) {
		return Api.as(port, username).get().uri("/api/v1/storage/reconciliation").exchange().expectStatus().isOk()
			.returnResult(ReconciliationReport.class).getResponseBody();
	}

	private RecordingView upload() {
		var made = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
		return Uploads.upload(Api.as(port, "zhang.wei"), UploadMetadata.by("zhang.wei"),
				Media.mp4(made, Duration.ofMinutes(3), 4096, System.nanoTime()), "reconcile.mp4")
			.expectStatus().isCreated().returnResult(RecordingView.class).getResponseBody();
	}
}
