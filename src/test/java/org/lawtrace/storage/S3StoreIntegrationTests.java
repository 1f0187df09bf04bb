package org.lawtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.HexFormat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.audit.AuditApi;
import org.lawtrace.audit.AuditLog;
import org.lawtrace.recordings.Media;
import org.lawtrace.recordings.RecordingApi;
import org.lawtrace.recordings.Uploads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;

/**
 * ART-15, ART-22, issue 12: the whole platform on an S3 bucket with Object Lock (a real S3 server, Adobe S3Mock):
 * an upload's original lands in the bucket under retention, whole and byte-identical, and the audit log's anchors are
 * objects of the same bucket that the log's verification reads, so an anchored entry deleted from the database is
 * named even though the database holds nothing that says it was there.
 */
@LawTraceIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class S3StoreIntegrationTests {

	private static final String BUCKET = "lawtrace-it-" + System.nanoTime();
	private static final String AUDITOR = "zhao.min";

	private static S3Client direct;

	@DynamicPropertySource
	static void onABucket(DynamicPropertyRegistry registry) throws Exception {
		var server = S3MockProcess.shared();
		var settings = new StorageProperties.S3(server.endpoint(), "us-east-1", BUCKET, "test-access-key",
				"test-secret-key", true, Period.ofYears(30));
		direct = StorageConfiguration.s3Client(settings);
		direct.createBucket(b -> b.bucket(BUCKET).objectLockEnabledForBucket(true));
		URI endpoint = server.endpoint();
		registry.add("lawtrace.storage.type", () -> "s3");
		registry.add("lawtrace.storage.s3.endpoint", endpoint::toString);
		registry.add("lawtrace.storage.s3.bucket", () -> BUCKET);
		registry.add("lawtrace.storage.s3.access-key", () -> "test-access-key");
		registry.add("lawtrace.storage.s3.secret-key", () -> "test-secret-key");
		// anchors only when the test asks, so the deletion below is of an entry the newest anchor covers
		registry.add("lawtrace.audit.checkpoint-interval", () -> "PT24H");
		registry.add("lawtrace.audit.checkpoint-every", () -> "100000002");
	}

	@AfterAll
	static void closeClient() {
		if (direct != null) {
			direct.close();
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog log;

	@Test
	@DisplayName("ART-15: an uploaded original is an object of the bucket, byte-identical to what was sent, retained "
			+ "in COMPLIANCE mode")
	void originalIsALockedObjectOfTheBucket() throws Exception {
		var photo = Media.jpeg(LocalDateTime.now().minusHours(1), 29.28, 120.24, System.nanoTime());
		var created = Uploads.upload(Api.as(port, "zhang.wei"), RecordingApi.UploadMetadata.by("zhang.wei"), photo,
				"IMG_S3.JPG").expectStatus().isCreated().returnResult(RecordingApi.RecordingView.class).getResponseBody();
		var sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));
		assertThat(created.sha256()).isEqualTo(sha256);

		var key = "blobs/sha256/" + sha256;
		var stored = direct.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
		assertThat(stored).isEqualTo(photo);
		var retention = direct.getObjectRetention(b -> b.bucket(BUCKET).key(key)).retention();
		assertThat(retention.mode()).isEqualTo(ObjectLockRetentionMode.COMPLIANCE);
		// nothing half-written or staged is left beside the original
		assertThat(direct.listObjectsV2(b -> b.bucket(BUCKET).prefix("blobs/")).contents())
			.allSatisfy(o -> assertThat(o.key()).startsWith("blobs/sha256/").doesNotContain(".part"));
	}

	@Test
	@DisplayName("ART-22, finding 4: checkpoints are objects of the bucket, and an anchored entry deleted from the "
			+ "database is named ENTRY_MISSING by the verification that reads them")
	void anchorsInTheBucketFindADeletedEntry() {
		Api.openCase(port, Api.newCaseNumber());
		AuditApi.awaitQuiet(jdbc);
		var anchored = log.checkpoint().treeSize();
		var anchorKey = "anchors/audit-log-" + String.format("%020d", anchored) + ".json";
		var anchor = direct.getObjectAsBytes(b -> b.bucket(BUCKET).key(anchorKey)).asUtf8String();
		assertThat(anchor).contains("\"treeSize\"");
		assertThat(direct.getObjectRetention(b -> b.bucket(BUCKET).key(anchorKey)).retention().mode())
			.isEqualTo(ObjectLockRetentionMode.COMPLIANCE);
		assertThat(AuditApi.verification(port, AUDITOR).verified()).isTrue();

		var last = anchored - 1;
		assertThat(jdbc.sql("delete from audit_entry where seq = ?").param(last).update()).isEqualTo(1);

		var found = AuditApi.verification(port, AUDITOR);
		assertThat(found.verified()).isFalse();
		assertThat(found.anchoring().findings()).anySatisfy(f -> {
			assertThat(f.kind()).isEqualTo("ENTRY_MISSING");
			assertThat(f.fromSeq()).isEqualTo(last);
		});
	}
}
