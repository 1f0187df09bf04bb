package org.lawtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawtrace.shared.ContentDigest;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3BlobStoreUnitTests extends BlobStoreContract {

	static final Instant NOW = Instant.parse("2026-05-22T08:00:00Z");
	static final AtomicInteger BUCKETS = new AtomicInteger();

	static S3MockProcess server;
	/** The test-only way in, beside the store: S3Mock takes any credentials. */
	static S3Client direct;

	@TempDir
	Path spoolDirectory;

	String bucket;
	S3BlobStore store;

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
	void openStoreOnAFreshBucket() {
		bucket = "blobs-" + BUCKETS.incrementAndGet();
		direct.createBucket(b -> b.bucket(bucket));
		store = openStore(bucket);
	}

	@AfterEach
	void closeStore() {
		store.close();
	}

	@Override
	BlobStore store() {
		return store;
	}

	@Override
	Path spoolDirectory() {
		return spoolDirectory;
	}

	/** Rewrites the object directly; only a bucket without Object Lock allows that, which is the point of it. */
	@Override
	void flipByte(ContentDigest digest, long position) throws IOException {
		var key = S3BlobStore.keyOf(digest.sha256());
		var bytes = direct.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
		bytes[(int) position] ^= 0x01;
		direct.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
	}

	@Test
	void keepsEachBlobUnderItsSha256WithItsSm3Beside() {
		store.store(new ByteArrayInputStream(CONTENT), null);

		var head = direct.headObject(b -> b.bucket(bucket).key("blobs/sha256/" + DIGEST.sha256()));
		assertThat(head.contentLength()).isEqualTo(CONTENT.length);
		assertThat(head.metadata()).containsEntry("sha256", DIGEST.sha256());
	}

	@Test
	@DisplayName("ART-22(2) storing the same content again does not rewrite the object")
	void duplicateStoreLeavesTheObjectUntouched() {
		store.store(new ByteArrayInputStream(CONTENT), null);
		var before = direct.headObject(b -> b.bucket(bucket).key(S3BlobStore.keyOf(DIGEST.sha256())));

		store.store(new ByteArrayInputStream(CONTENT), null);

		var after = direct.headObject(b -> b.bucket(bucket).key(S3BlobStore.keyOf(DIGEST.sha256())));
		assertThat(after.lastModified()).isEqualTo(before.lastModified());
		assertThat(after.eTag()).isEqualTo(before.eTag());
	}

	@Test
	@DisplayName("ART-22(2) an upload that lost the race to an identical one leaves the existing object alone")
	void conditionalPutNeverReplacesAnExistingObject() throws IOException {
		store.store(new ByteArrayInputStream(CONTENT), null);
		var before = direct.headObject(b -> b.bucket(bucket).key(S3BlobStore.keyOf(DIGEST.sha256())));
		var sameBytes = Files.write(spoolDirectory.resolve("race.bin"), CONTENT);

		assertThat(store.putOnce(sameBytes, DIGEST)).isFalse();

		var after = direct.headObject(b -> b.bucket(bucket).key(S3BlobStore.keyOf(DIGEST.sha256())));
		assertThat(after.lastModified()).isEqualTo(before.lastModified());
	}

	@Test
	@DisplayName("ART-22(2) in a bucket with Object Lock each original is retained in COMPLIANCE mode for the set period")
	void objectLockedBucketRetainsEachObjectInComplianceMode() {
		var locked = "locked-" + BUCKETS.incrementAndGet();
		direct.createBucket(b -> b.bucket(locked).objectLockEnabledForBucket(true));
		try (var lockedStore = openStore(locked)) {
			lockedStore.store(new ByteArrayInputStream(CONTENT), null);
		}

		var retention = direct.getObjectRetention(b -> b.bucket(locked).key(S3BlobStore.keyOf(DIGEST.sha256())))
			.retention();
		assertThat(retention.mode()).isEqualTo(ObjectLockRetentionMode.COMPLIANCE);
		assertThat(retention.retainUntilDate())
			.isCloseTo(NOW.atOffset(ZoneOffset.UTC).plusYears(30).toInstant(), within(1, ChronoUnit.SECONDS));
	}

	@Test
	void bucketWithoutObjectLockGetsNoRetention() {
		store.store(new ByteArrayInputStream(CONTENT), null);

		assertThat(new ObjectLock(direct, bucket, Period.ofYears(30), Clock.systemUTC()).enabled()).isFalse();
		assertThatExceptionOfType(S3Exception.class)
			.isThrownBy(() -> direct.getObjectRetention(b -> b.bucket(bucket).key(S3BlobStore.keyOf(DIGEST.sha256()))));
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
