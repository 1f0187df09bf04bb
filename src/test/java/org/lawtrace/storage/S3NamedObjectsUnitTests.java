package org.lawtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;

class S3NamedObjectsUnitTests extends NamedObjectsContract {

	static final Instant NOW = Instant.parse("2026-05-22T08:00:00Z");
	static final AtomicInteger BUCKETS = new AtomicInteger();

	static S3MockProcess server;
	static S3Client direct;

	S3NamedObjects objects;

	@BeforeAll
	static void startServer() throws Exception {
		server = S3MockProcess.shared();
		direct = StorageConfiguration.s3Client(settings(server.endpoint(), "unused"));
	}

	@AfterAll
	static void stopServer() {
		if (direct != null) {
			direct.close();
		}
	}

	@BeforeEach
	void openOnAFreshBucket() {
		var bucket = "anchors-" + BUCKETS.incrementAndGet();
		direct.createBucket(b -> b.bucket(bucket));
		objects = open(bucket);
	}

	@Override
	NamedObjects objects() {
		return objects;
	}

	@Test
	@DisplayName("ART-22 in a bucket with Object Lock each anchor is retained in COMPLIANCE mode under anchors/")
	void objectLockedBucketRetainsEachAnchor() {
		var locked = "locked-anchors-" + BUCKETS.incrementAndGet();
		direct.createBucket(b -> b.bucket(locked).objectLockEnabledForBucket(true));
		open(locked).write("anchor-1.json", new byte[] { 1 });

		var retention = direct.getObjectRetention(b -> b.bucket(locked).key("anchors/anchor-1.json")).retention();
		assertThat(retention.mode()).isEqualTo(ObjectLockRetentionMode.COMPLIANCE);
		assertThat(retention.retainUntilDate())
			.isCloseTo(NOW.atOffset(ZoneOffset.UTC).plusYears(30).toInstant(), within(1, ChronoUnit.SECONDS));
	}

	private static S3NamedObjects open(String bucket) {
		var client = StorageConfiguration.s3Client(settings(server.endpoint(), bucket));
		return new S3NamedObjects(client, bucket, "anchors/",
				new ObjectLock(client, bucket, Period.ofYears(30), Clock.fixed(NOW, ZoneOffset.UTC)));
	}

	private static StorageProperties.S3 settings(URI endpoint, String bucketName) {
		return new StorageProperties.S3(endpoint, "us-east-1", bucketName, "test-access-key", "test-secret-key", true,
				Period.ofYears(30));
	}
}
