package org.lawtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawtrace.shared.ContentDigest;
import org.lawtrace.shared.DispositionApprovals;
import org.lawtrace.shared.NotFound;
import org.lawtrace.shared.NotPermitted;
import org.lawtrace.shared.StaffId;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The S3 back end's contract, one body run against each S3 server (issue 16): S3Mock for the fast tests
 * ({@code S3BlobStoreUnitTests}), Ceph's RADOS Gateway for the real one ({@code RealS3ContractIntegrationTests}).
 * Blobs (stored under both digests, read whole and in ranges, listed, verified), anchors, the off-site replica's
 * exports, Object Lock retention, and destruction: approved, refused under retention by our own check and, where the
 * server enforces Object Lock, by the server itself.
 */
abstract class S3StoreContract {

	static final Instant NOW = Instant.parse("2026-05-22T08:00:00Z");
	static final Instant RETAINED_UNTIL = NOW.atOffset(ZoneOffset.UTC).plusYears(30).toInstant();
	/** Bucket names are unique per server; each test JVM starts its servers afresh. */
	static final AtomicInteger BUCKETS = new AtomicInteger();

	abstract S3Server server();

	/** The test-only way in, beside the store. */
	S3Client direct;

	@BeforeEach
	void connect() {
		direct = server().client("unused");
	}

	@AfterEach
	void disconnect() {
		direct.close();
	}

	String newBucket(String prefix, boolean objectLock) {
		var bucket = prefix + "-" + BUCKETS.incrementAndGet();
		direct.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(objectLock ? true : null));
		return bucket;
	}

	S3BlobStore openStore(String bucket, Path spoolDirectory, Clock clock) {
		return new S3BlobStore(server().client(bucket), bucket, Period.ofYears(30), new Spool(spoolDirectory, clock),
				clock);
	}

	S3BlobStore openStore(String bucket, Path spoolDirectory) {
		return openStore(bucket, spoolDirectory, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Nested
	class Blobs extends BlobStoreContract {

		@TempDir
		Path spoolDirectory;

		String bucket;
		S3BlobStore store;

		@BeforeEach
		void openStoreOnAFreshBucket() {
			bucket = newBucket("blobs", false);
			store = openStore(bucket, spoolDirectory);
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
			Files.delete(sameBytes);
		}

		@Test
		@DisplayName("ART-22(2) in a bucket with Object Lock each original is retained in COMPLIANCE mode for the set period")
		void objectLockedBucketRetainsEachObjectInComplianceMode() {
			var locked = newBucket("locked", true);
			try (var lockedStore = openStore(locked, spoolDirectory)) {
				lockedStore.store(new ByteArrayInputStream(CONTENT), null);
			}

			var retention = direct.getObjectRetention(b -> b.bucket(locked).key(S3BlobStore.keyOf(DIGEST.sha256())))
				.retention();
			assertThat(retention.mode()).isEqualTo(ObjectLockRetentionMode.COMPLIANCE);
			assertThat(retention.retainUntilDate()).isCloseTo(RETAINED_UNTIL, within(1, ChronoUnit.SECONDS));
		}

		@Test
		void bucketWithoutObjectLockGetsNoRetention() {
			store.store(new ByteArrayInputStream(CONTENT), null);

			assertThat(new ObjectLock(direct, bucket, Period.ofYears(30), Clock.systemUTC()).enabled()).isFalse();
			assertThatExceptionOfType(S3Exception.class).isThrownBy(
					() -> direct.getObjectRetention(b -> b.bucket(bucket).key(S3BlobStore.keyOf(DIGEST.sha256()))));
		}
	}

	@Nested
	class Anchors extends NamedObjectsContract {

		S3NamedObjects objects;

		@BeforeEach
		void openOnAFreshBucket() {
			objects = open(newBucket("anchors", false));
		}

		@Override
		NamedObjects objects() {
			return objects;
		}

		@Test
		@DisplayName("ART-22 in a bucket with Object Lock each anchor is retained in COMPLIANCE mode under anchors/")
		void objectLockedBucketRetainsEachAnchor() {
			var locked = newBucket("locked-anchors", true);
			open(locked).write("anchor-1.json", new byte[] { 1 });

			var retention = direct.getObjectRetention(b -> b.bucket(locked).key("anchors/anchor-1.json")).retention();
			assertThat(retention.mode()).isEqualTo(ObjectLockRetentionMode.COMPLIANCE);
			assertThat(retention.retainUntilDate()).isCloseTo(RETAINED_UNTIL, within(1, ChronoUnit.SECONDS));
		}

		private S3NamedObjects open(String bucket) {
			var client = server().client(bucket);
			return new S3NamedObjects(client, bucket, "anchors/",
					new ObjectLock(client, bucket, Period.ofYears(30), Clock.fixed(NOW, ZoneOffset.UTC)));
		}
	}

	@Nested
	class ReplicaBucket {

		@TempDir
		Path primaryRoot;

		@TempDir
		Path spool;

		@Test
		@DisplayName("ART-15.3 a blob copied to an S3 replica is read back from the bucket and verified, byte-identical")
		void copiesABlobToTheBucket() throws Exception {
			var bucket = newBucket("replica", false);
			var primary = new FileSystemBlobStore(primaryRoot, new Spool(primaryRoot.resolve("tmp"), Clock.systemUTC()));
			var bytes = new byte[5 * 1024 * 1024 + 3];
			new Random(3).nextBytes(bytes);
			var digest = primary.store(new ByteArrayInputStream(bytes), null).digest();
			try (var replica = openStore(bucket, spool.resolve("replica-tmp"), Clock.systemUTC())) {
				var copied = BlobCopy.copy(primary, replica, digest.sha256(), null);

				assertThat(copied.digest()).isEqualTo(TwinDigest.of(bytes));
				assertThat(direct.getObjectAsBytes(b -> b.bucket(bucket).key(S3BlobStore.keyOf(digest.sha256())))
					.asByteArray()).isEqualTo(bytes);
				assertThat(replica.inventory()).containsExactly(digest.sha256());
				// a second copy finds it there and only reads it back
				assertThat(BlobCopy.copy(primary, replica, digest.sha256(), copied.digest()).alreadyPresent()).isTrue();
			}
		}

		@Test
		@DisplayName("ART-15.3 the bucket keeps named exports once, lists them newest last, and never replaces one")
		void keepsNamedObjectsOnce() throws Exception {
			var bucket = newBucket("named", false);
			var first = Files.writeString(spool.resolve("a.json"), "{\"first\":true}");
			var second = Files.writeString(spool.resolve("b.json"), "{\"second\":true}");
			try (var replica = openStore(bucket, spool.resolve("replica-tmp"), Clock.systemUTC())) {
				assertThat(replica.putNamed("metadata/20261205t010000z-a.json", first)).isTrue();
				assertThat(replica.putNamed("metadata/20261206t010000z-b.json", second)).isTrue();
				assertThat(replica.putNamed("metadata/20261205t010000z-a.json", second)).isFalse();

				assertThat(replica.names("metadata/")).containsExactly("metadata/20261205t010000z-a.json",
						"metadata/20261206t010000z-b.json");
				try (var in = replica.openNamed("metadata/20261205t010000z-a.json")) {
					assertThat(new String(in.readAllBytes())).isEqualTo("{\"first\":true}");
				}
				assertThat(replica.inventory()).isEmpty();
				assertThatExceptionOfType(NotFound.class).isThrownBy(() -> replica.openNamed("metadata/none.json"));
				assertThatExceptionOfType(IllegalArgumentException.class)
					.isThrownBy(() -> replica.putNamed("../escape", first));
			}
		}
	}

	/**
	 * ART-16 on an object store: destroying a blob deletes every version of its object where the bucket allows it,
	 * and only under a disposition the director approved; a bucket with Object Lock refuses until the retention date,
	 * which is reported as the store's refusal, never worked around; retention is extended, never shortened.
	 */
	@Nested
	class Destruction {

		static final byte[] CONTENT = BlobStoreContract.CONTENT;
		static final ContentDigest DIGEST = BlobStoreContract.DIGEST;

		@TempDir
		Path spoolDirectory;

		@Test
		@DisplayName("ART-16: in a bucket without Object Lock every version of the blob's object is deleted")
		void destroysTheObjectInABucketWithoutObjectLock() {
			var bucket = newBucket("destroy", false);
			try (var store = openStore(bucket, spoolDirectory)) {
				store.store(new ByteArrayInputStream(CONTENT), null);

				var outcome = store.destroy(DIGEST);

				assertThat(outcome.outcome()).isEqualTo(BlobDestruction.Outcome.DESTROYED);
				assertThat(store.contains(DIGEST)).isFalse();
				assertThat(direct.listObjectVersions(b -> b.bucket(bucket).prefix(S3BlobStore.keyOf(DIGEST.sha256())))
					.versions()).isEmpty();
				assertThat(store.destroy(DIGEST).outcome()).isEqualTo(BlobDestruction.Outcome.ABSENT);
			}
		}

		@Test
		@DisplayName("ART-16: the bucket gives a blob up only under a disposition the director approved; anything else leaves it there")
		void destroysOnlyWithTheDirectorsApproval() {
			var bucket = newBucket("approved", false);
			var approved = UUID.randomUUID();
			var director = new StaffId(UUID.randomUUID());
			var approvedBlobs = new HashSet<String>();
			try (var store = openStore(bucket, spoolDirectory)) {
				store.store(new ByteArrayInputStream(CONTENT), null);
				var destruction = destruction(store, approved, approvedBlobs, director);

				assertThatExceptionOfType(NotPermitted.class)
					.isThrownBy(() -> destruction.destroy(approved, DIGEST, new StaffId(UUID.randomUUID())));
				assertThat(store.contains(DIGEST)).isTrue();

				approvedBlobs.add(DIGEST.sha256());
				var result = destruction.destroy(approved, DIGEST, new StaffId(UUID.randomUUID()));

				assertThat(result.complete()).isTrue();
				assertThat(result.copies()).singleElement()
					.satisfies(c -> assertThat(c.outcome()).isEqualTo(BlobDestruction.Outcome.DESTROYED));
				assertThat(store.contains(DIGEST)).isFalse();
			}
		}

		@Test
		@DisplayName("ART-16: a bucket with Object Lock refuses to give up a retained object; the refusal names the retention date and the object stays")
		void objectLockRefusesUntilRetentionEnds() {
			var bucket = newBucket("destroy-locked", true);
			try (var store = openStore(bucket, spoolDirectory)) {
				store.store(new ByteArrayInputStream(CONTENT), null);

				var outcome = store.destroy(DIGEST);

				assertThat(outcome.outcome()).isEqualTo(BlobDestruction.Outcome.REFUSED_BY_STORE);
				assertThat(outcome.detail()).contains("retained until 2056");
				assertThat(store.contains(DIGEST)).isTrue();
			}
		}

		@Test
		@DisplayName("ART-16, ART-17: a hold or a long-term mark extends an object's retention; an earlier date never shortens it")
		void retentionIsExtendedNeverShortened() {
			var bucket = newBucket("extend-locked", true);
			try (var store = openStore(bucket, spoolDirectory)) {
				store.store(new ByteArrayInputStream(CONTENT), null);
				var later = NOW.atOffset(ZoneOffset.UTC).plusYears(50).toInstant();

				assertThat(store.retainAtLeast(DIGEST, later)).isTrue();
				assertThat(store.retainedUntil(DIGEST)).contains(later);

				store.retainAtLeast(DIGEST, NOW.atOffset(ZoneOffset.UTC).plusYears(31).toInstant());
				assertThat(store.retainedUntil(DIGEST)).contains(later);
			}
		}

		/**
		 * Our own check is bypassed by a store whose clock says the retention has ended: the server must refuse the
		 * deletion of the locked version by itself, and the refusal is reported with its status.
		 */
		@Test
		@DisplayName("ART-16, ART-22(2): the server itself refuses to delete a version under COMPLIANCE retention, whatever the application's clock says")
		void theServerItselfRefusesToDeleteALockedVersion() {
			assumeTrue(server().enforcesObjectLock(), server().name() + " does not enforce Object Lock");
			var bucket = newBucket("server-refuses", true);
			try (var store = openStore(bucket, spoolDirectory)) {
				store.store(new ByteArrayInputStream(CONTENT), null);
			}
			var key = S3BlobStore.keyOf(DIGEST.sha256());
			var afterRetention = Clock.fixed(RETAINED_UNTIL.plus(365, ChronoUnit.DAYS), ZoneOffset.UTC);
			try (var misled = openStore(bucket, spoolDirectory, afterRetention)) {
				var outcome = misled.destroy(DIGEST);

				assertThat(outcome.outcome()).isEqualTo(BlobDestruction.Outcome.REFUSED_BY_STORE);
				assertThat(outcome.detail()).contains("403").contains("AccessDenied").contains("retained until 2056");
				assertThat(misled.contains(DIGEST)).isTrue();
				assertThat(misled.verify(DIGEST)).isEqualTo(DIGEST);
			}
			var version = onlyVersion(bucket, key);
			assertThatExceptionOfType(S3Exception.class)
				.isThrownBy(() -> direct.deleteObject(b -> b.bucket(bucket).key(key).versionId(version)))
				.satisfies(e -> assertThat(e.statusCode()).isEqualTo(403));
			// nor can the retention be shortened, or the mode be changed to one an administrator may lift (RGW
			// answers 400 to these, AWS 403)
			assertThatExceptionOfType(S3Exception.class)
				.isThrownBy(() -> direct.putObjectRetention(b -> b.bucket(bucket).key(key).versionId(version)
					.retention(r -> r.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(NOW.plusSeconds(60)))))
				.satisfies(e -> assertThat(e.statusCode()).isIn(400, 403));
			assertThatExceptionOfType(S3Exception.class)
				.isThrownBy(() -> direct.putObjectRetention(b -> b.bucket(bucket).key(key).versionId(version)
					.bypassGovernanceRetention(true)
					.retention(r -> r.mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(RETAINED_UNTIL))))
				.satisfies(e -> assertThat(e.statusCode()).isIn(400, 403));
			var retention = direct.getObjectRetention(b -> b.bucket(bucket).key(key).versionId(version)).retention();
			assertThat(retention.mode()).isEqualTo(ObjectLockRetentionMode.COMPLIANCE);
			assertThat(retention.retainUntilDate()).isCloseTo(RETAINED_UNTIL, within(1, ChronoUnit.SECONDS));
		}

		/**
		 * Writing the key again, bypassing the store's once-only put, can only add a newer version in front of the
		 * locked one: the original version stays, byte-identical and undeletable, and a fixity check reading the key
		 * names the forgery.
		 */
		@Test
		@DisplayName("ART-22(2): the server keeps a locked original when its key is written over; the forgery is a new version a fixity check detects")
		void theServerKeepsALockedOriginalWhenItsKeyIsWrittenOver() throws IOException {
			assumeTrue(server().enforcesObjectLock(), server().name() + " does not enforce Object Lock");
			var bucket = newBucket("server-keeps", true);
			var key = S3BlobStore.keyOf(DIGEST.sha256());
			try (var store = openStore(bucket, spoolDirectory)) {
				store.store(new ByteArrayInputStream(CONTENT), null);
				var original = onlyVersion(bucket, key);
				var forged = CONTENT.clone();
				forged[100] ^= 1;

				direct.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(forged));

				assertThatExceptionOfType(BlobCorrupted.class).isThrownBy(() -> store.verify(DIGEST));
				assertThat(direct.getObjectAsBytes(b -> b.bucket(bucket).key(key).versionId(original)).asByteArray())
					.isEqualTo(CONTENT);
				assertThatExceptionOfType(S3Exception.class)
					.isThrownBy(() -> direct.deleteObject(b -> b.bucket(bucket).key(key).versionId(original)))
					.satisfies(e -> assertThat(e.statusCode()).isEqualTo(403));
				assertThat(direct.listObjectVersions(b -> b.bucket(bucket).prefix(key)).versions()).hasSize(2);
			}
		}

		private String onlyVersion(String bucket, String key) {
			var versions = direct.listObjectVersions(b -> b.bucket(bucket).prefix(key)).versions();
			assertThat(versions).hasSize(1);
			return versions.get(0).versionId();
		}

		private BlobDestruction destruction(S3BlobStore store, UUID disposition, Set<String> approvedBlobs,
				StaffId director) {
			var url = "jdbc:h2:mem:s3destruction" + System.nanoTime()
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
			var dataSource = new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "");
			Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/storage").load().migrate();
			var factory = new DefaultListableBeanFactory();
			factory.registerSingleton("approvals", new DispositionApprovals() {

				@Override
				public Optional<Approval> approvalOf(UUID asked, String sha256) {
					return asked.equals(disposition) && approvedBlobs.contains(sha256)
							? Optional.of(new Approval(director, NOW))
							: Optional.empty();
				}

				@Override
				public Set<String> destroyedSha256s() {
					return Set.of();
				}
			});
			return new BlobDestruction(new Copies(store, new Replica(null)),
					factory.getBeanProvider(DispositionApprovals.class), director::equals, event -> {
					}, Clock.fixed(NOW, ZoneOffset.UTC), new FixityLedger(JdbcClient.create(dataSource)),
					factory.getBeanProvider(ReplicationQueue.class));
		}
	}
}
