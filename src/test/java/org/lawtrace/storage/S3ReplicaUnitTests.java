package org.lawtrace.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Period;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lawtrace.shared.NotFound;

import software.amazon.awssdk.services.s3.S3Client;

/** ART-15.3: the off-site replica as an S3 bucket at another site (S3Mock here), blobs and named exports alike. */
class S3ReplicaUnitTests {

	static S3MockProcess server;
	static S3Client direct;

	@TempDir
	Path primaryRoot;

	@TempDir
	Path spool;

	@BeforeAll
	static void startServer() throws Exception {
		server = S3MockProcess.shared();
		direct = StorageConfiguration.s3Client(settings(server.endpoint(), "unused"));
	}

	@AfterAll
	static void closeClient() {
		if (direct != null) {
			direct.close();
		}
	}

	@Test
	@DisplayName("ART-15.3 a blob copied to an S3 replica is read back from the bucket and verified, byte-identical")
	void copiesABlobToTheBucket() throws Exception {
		var bucket = "replica-" + System.nanoTime();
		direct.createBucket(b -> b.bucket(bucket));
		var primary = new FileSystemBlobStore(primaryRoot, new Spool(primaryRoot.resolve("tmp"), Clock.systemUTC()));
		var bytes = new byte[5 * 1024 * 1024 + 3];
		new Random(3).nextBytes(bytes);
		var digest = primary.store(new ByteArrayInputStream(bytes), null).digest();
		try (var replica = replica(bucket)) {
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
		var bucket = "named-" + System.nanoTime();
		direct.createBucket(b -> b.bucket(bucket));
		var first = Files.writeString(spool.resolve("a.json"), "{\"first\":true}");
		var second = Files.writeString(spool.resolve("b.json"), "{\"second\":true}");
		try (var replica = replica(bucket)) {
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

	private S3BlobStore replica(String bucket) {
		return new S3BlobStore(StorageConfiguration.s3Client(settings(server.endpoint(), bucket)), bucket,
				Period.ofYears(30), new Spool(spool.resolve("replica-tmp"), Clock.systemUTC()), Clock.systemUTC());
	}

	private static StorageProperties.S3 settings(URI endpoint, String bucket) {
		return new StorageProperties.S3(endpoint, "us-east-1", bucket, "test-access-key", "test-secret-key", true,
				Period.ofYears(30));
	}
}
