package org.lawtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * ART-16 on an object store: destroying a blob deletes every version of its object where the bucket allows it; a
 * bucket with Object Lock refuses until the retention date, which is reported as the store's refusal, never worked
 * around; retention is extended, never shortened.
 */
class S3BlobDestructionUnitTests {

	static final Instant NOW = Instant.parse("2026-05-22T08:00:00Z");
	static final AtomicInteger BUCKETS = new AtomicInteger();
	static S3MockProcess server;
	static S3Client direct;

	@TempDir
	Path spoolDirectory;

	@BeforeAll
	static void startServer() throws Exception {
		server = S3MockProcess.shared();
		direct = StorageConfiguration.s3Client(settings(server.endpoint(), "unused"));
	}

	@AfterAll
	static void close() {
		if (direct != null) {
			direct.close();
		}
	}

	@Test
	@DisplayName("ART-16: in a bucket without Object Lock every version of the blob's object is deleted")
	void destroysTheObjectInABucketWithoutObjectLock() {
		var bucket = "destroy-" + BUCKETS.incrementAndGet();
		direct.createBucket(b -> b.bucket(bucket));
		try (var store = openStore(bucket)) {
			store.store(new ByteArrayInputStream(BlobStoreContract.CONTENT), null);

			var outcome = store.destroy(BlobStoreContract.DIGEST);

			assertThat(outcome.outcome()).isEqualTo(BlobDestruction.Outcome.DESTROYED);
			assertThat(store.contains(BlobStoreContract.DIGEST)).isFalse();
			assertThat(direct.listObjectVersions(b -> b.bucket(bucket).prefix(S3BlobStore.keyOf(BlobStoreContract.DIGEST.sha256())))
				.versions()).isEmpty();
			assertThat(store.destroy(BlobStoreContract.DIGEST).outcome()).isEqualTo(BlobDestruction.Outcome.ABSENT);
		}
	}

	@Test
	@DisplayName("ART-16: a bucket with Object Lock refuses to give up a retained object; the refusal names the retention date and the object stays")
	void objectLockRefusesUntilRetentionEnds() {
		var bucket = "destroy-locked-" + BUCKETS.incrementAndGet();
		direct.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true));
		try (var store = openStore(bucket)) {
			store.store(new ByteArrayInputStream(BlobStoreContract.CONTENT), null);

			var outcome = store.destroy(BlobStoreContract.DIGEST);

			assertThat(outcome.outcome()).isEqualTo(BlobDestruction.Outcome.REFUSED_BY_STORE);
			assertThat(outcome.detail()).contains("retained until 2056");
			assertThat(store.contains(BlobStoreContract.DIGEST)).isTrue();
		}
	}

	@Test
	@DisplayName("ART-16, ART-17: a hold or a long-term mark extends an object's retention; an earlier date never shortens it")
	void retentionIsExtendedNeverShortened() {
		var bucket = "extend-locked-" + BUCKETS.incrementAndGet();
		direct.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true));
		try (var store = openStore(bucket)) {
			store.store(new ByteArrayInputStream(BlobStoreContract.CONTENT), null);
			var later = NOW.atOffset(ZoneOffset.UTC).plusYears(50).toInstant();

			assertThat(store.retainAtLeast(BlobStoreContract.DIGEST, later)).isTrue();
			assertThat(store.retainedUntil(BlobStoreContract.DIGEST)).contains(later);

			store.retainAtLeast(BlobStoreContract.DIGEST, NOW.atOffset(ZoneOffset.UTC).plusYears(31).toInstant());
			assertThat(store.retainedUntil(BlobStoreContract.DIGEST)).contains(later);
		}
	}

	private S3BlobStore openStore(String bucketName) {
		var spool = new Spool(spoolDirectory, Clock.fixed(NOW, ZoneOffset.UTC));
		return new S3BlobStore(StorageConfiguration.s3Client(settings(server.endpoint(), bucketName)), bucketName,
				Period.ofYears(30), spool, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private static StorageProperties.S3 settings(URI endpoint, String bucketName) {
		return new StorageProperties.S3(endpoint, "us-east-1", bucketName, "test-access-key", "test-secret-key", true,
				Period.ofYears(30));
	}
}
